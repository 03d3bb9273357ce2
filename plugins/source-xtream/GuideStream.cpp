//
// GuideStream.cpp
//

#include "GuideStream.h"
#include "XmltvStart.h"
#include "restream/PluginContext.h"
#include "restream/SourceException.h"
#include <Poco/Logger.h>
#include <algorithm>

namespace sourcextream {

using restream::SourceException;

namespace {

bool closesRoot(const std::string& tail)
	/// True when tail, the end of a document, ends with </tv> or with a
	/// self-closed root <tv .../>.
{
	const std::size_t last = tail.find_last_not_of(" \t\r\n");
	if (last == std::string::npos) return false;
	const std::string end = tail.substr(0, last + 1);
	if (end.size() >= 5 && end.compare(end.size() - 5, 5, "</tv>") == 0) return true;
	if (end.size() < 5 || end.compare(end.size() - 2, 2, "/>") != 0) return false;
	const std::size_t open = end.rfind('<');
	return open != std::string::npos && end.compare(open, 3, "<tv") == 0 &&
		(end[open + 3] == '/' || end.find_first_of(" \t\r\n", open + 3) == open + 3);
}

} // namespace

GuideStream::GuideStream(const restream::PluginContext& context, std::unique_ptr<ProviderResponse> response):
	std::istream(nullptr),
	_context(context),
	_response(std::move(response)),
	_received([this](char* buffer, std::streamsize size) {
		const std::streamsize count = _response->read(buffer, size);
		_receivedAll = count == 0;
		return count;
	}),
	_receivedStream(&_received),
	_text([this](char* buffer, std::streamsize size) { return readText(buffer, size); })
{
	_receivedStream.exceptions(std::ios::badbit);
	rdbuf(&_text);
	exceptions(std::ios::badbit);
}

GuideStream::~GuideStream()
{
	if (_context.logger().debug())
		_context.logger().debug("GET %s: guide, %s bytes received%s in %s ms, %s", _context.redact(_response->uri().toString()),
			std::to_string(_response->received()), std::string(_inflater ? " (gzip)" : ""),
			std::to_string(_started.elapsed() / 1000), std::string(_ended && _text.in_avail() <= 0 ? "read to its end" : "closed before its end"));
}

void GuideStream::requireXmltv()
{
	if (_received.peek(2) == "\x1F\x8B")
	{
		_inflater = std::make_unique<Poco::InflatingInputStream>(_receivedStream, Poco::InflatingStreamBuf::STREAM_GZIP);
		_inflater->exceptions(std::ios::badbit);
	}
	const std::string problem = XmltvStart::problem(_text.peek(XmltvStart::SIZE));
	if (!problem.empty())
		throw SourceException(SourceException::NotAPanel, "the server at " + host() +
			" did not send an XMLTV guide from xmltv.php (it sent " + _context.redact(problem) + ")");
	_checked = true;
	if (_ended) requireEnd(); // a guide shorter than what was peeked
}

std::streamsize GuideStream::readText(char* buffer, std::streamsize size)
{
	const std::streamsize count = _inflater ? inflate(buffer, size) : _received.sgetn(buffer, size);
	if (count <= 0)
	{
		if (_checked && !_ended) requireEnd();
		_ended = true;
		return 0;
	}
	_tail.append(buffer + std::max<std::streamsize>(0, count - static_cast<std::streamsize>(TAIL_SIZE)),
		static_cast<std::size_t>(std::min<std::streamsize>(count, static_cast<std::streamsize>(TAIL_SIZE))));
	if (_tail.size() > TAIL_SIZE) _tail.erase(0, _tail.size() - TAIL_SIZE);
	return count;
}

std::streamsize GuideStream::inflate(char* buffer, std::streamsize size)
{
	try
	{
		_inflater->read(buffer, size);
		return _inflater->gcount();
	}
	catch (const SourceException&)
	{
		throw;
	}
	catch (const Poco::Exception&)
	{
		// zlib also fails on a body that ends before the end of its gzip stream
		if (_receivedAll) throw cutShort();
		throw SourceException(SourceException::ProviderError, "the guide of the provider at " + host() + " is not valid gzip");
	}
}

void GuideStream::requireEnd() const
{
	if (!closesRoot(_tail)) throw cutShort();
}

SourceException GuideStream::cutShort() const
{
	return SourceException(
		SourceException::ProviderError, "the guide of the provider at " + host() + " was cut short (it ends before </tv>)");
}

std::string GuideStream::host() const
{
	return _response->uri().getHost();
}

} // namespace sourcextream
