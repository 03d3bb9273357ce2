//
// LogoCache.cpp
//

#include "catalog/LogoCache.h"
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <Poco/Util/TimerTask.h>
#include <exception>
#include <istream>
#include <sys/socket.h>

namespace restream::host {

namespace {

class SocketDeadline : public Poco::Util::TimerTask
	/// Shuts a connection's socket down when it runs, unless disarmed
	/// before: a read blocked on it ends at once. It makes the system call
	/// itself, because a TLS socket's shutdown() would write to a connection
	/// that another thread is reading.
{
public:
	explicit SocketDeadline(poco_socket_t socket):
		_socket(socket)
	{
	}

	void run() override
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_armed) return;
		::shutdown(_socket, SHUT_RDWR);
		_struck = true;
	}

	void disarm()
		/// After it returns, the socket is never touched (it may be closed).
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_armed = false;
		cancel();
	}

	bool struck()
	{
		std::lock_guard<std::mutex> lock(_mutex);
		return _struck;
	}

private:
	const poco_socket_t _socket;
	std::mutex _mutex;
	bool _armed = true;
	bool _struck = false;
};

std::string readImage(Poco::Net::HTTPClientSession& session, std::size_t maxSize)
	/// The body of a 200 answer of at most maxSize bytes; throws a
	/// Poco::Exception for anything else.
{
	Poco::Net::HTTPResponse response;
	std::istream& body = session.receiveResponse(response);
	const int status = response.getStatus();
	if (status != Poco::Net::HTTPResponse::HTTP_OK)
		throw Poco::Net::HTTPException("it answered HTTP " + std::to_string(status) + (status / 100 == 3 ? " (redirects are not followed)" : ""));
	const std::string tooLarge = "the image is larger than " + std::to_string(maxSize / 1024) + " KiB";
	if (response.hasContentLength() && response.getContentLength64() > static_cast<Poco::Int64>(maxSize)) throw Poco::DataFormatException(tooLarge);
	std::string bytes;
	char buffer[16 * 1024];
	while (bytes.size() <= maxSize && (body.read(buffer, sizeof(buffer)) || body.gcount() > 0))
		bytes.append(buffer, static_cast<std::size_t>(body.gcount()));
	if (bytes.size() > maxSize) throw Poco::DataFormatException(tooLarge);
	if (body.bad() || (response.hasContentLength() && static_cast<Poco::Int64>(bytes.size()) < response.getContentLength64()))
		throw Poco::IOException("the answer was cut short");
	return bytes;
}

std::set<std::string> lowerCase(const std::vector<std::string>& hosts)
{
	std::set<std::string> lowered;
	for (const auto& host : hosts) lowered.insert(Poco::toLower(host));
	return lowered;
}

} // namespace

LogoCache::LogoCache(const std::vector<std::string>& extraHosts, const Limits& limits, Poco::Logger& logger):
	_extraHosts(lowerCase(extraHosts)),
	_limits(limits),
	_logger(logger)
{
}

bool LogoCache::image(const std::string& url, const HostLookup& providerHost, Image& image)
{
	std::unique_lock<std::mutex> lock(_mutex);
	if (cached(url, lock, image)) return image.bytes != nullptr;
	lock.unlock();

	Poco::URI uri;
	try
	{
		uri = Poco::URI(url);
	}
	catch (const Poco::SyntaxException&)
	{
		return false;
	}
	if (!mayFetch(uri, providerHost))
	{
		_logger.debug("a channel logo on %s is not fetched: the host is neither the provider's nor in catalog.logoHosts", uri.getHost());
		return false;
	}

	lock.lock();
	if (cached(url, lock, image)) return image.bytes != nullptr; // fetched meanwhile
	_entries.emplace(url, Entry());
	lock.unlock();
	Image fetched;
	try
	{
		fetched = fetch(uri);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.information("a channel logo from %s is not shown: %s", uri.getHost(), exc.displayText());
	}
	catch (const std::exception& exc)
	{
		_logger.information("a channel logo from %s is not shown: %s", uri.getHost(), std::string(exc.what()));
	}
	settle(url, fetched);
	image = fetched;
	return image.bytes != nullptr;
}

std::string LogoCache::mediaType(const std::string& bytes)
{
	const auto has = [&bytes](std::size_t at, const std::string& signature) { return bytes.compare(at, signature.size(), signature) == 0; };
	if (bytes.size() < 12) return ""; // no image is smaller
	if (has(0, "\x89PNG\r\n\x1a\n")) return "image/png";
	if (has(0, "\xff\xd8\xff")) return "image/jpeg";
	if (has(0, "GIF87a") || has(0, "GIF89a")) return "image/gif";
	if (has(0, "RIFF") && has(8, "WEBP")) return "image/webp";
	return "";
}

bool LogoCache::cached(const std::string& url, std::unique_lock<std::mutex>& lock, Image& image)
{
	for (;;)
	{
		const auto entry = _entries.find(url);
		if (entry == _entries.end()) return false;
		if (entry->second.pending)
		{
			_settled.wait(lock);
			continue;
		}
		if (entry->second.expires <= Poco::Clock())
		{
			forget(entry);
			return false;
		}
		_recency.splice(_recency.begin(), _recency, entry->second.recency);
		image = entry->second.image;
		return true;
	}
}

bool LogoCache::mayFetch(const Poco::URI& uri, const HostLookup& providerHost) const
{
	const std::string scheme = Poco::toLower(uri.getScheme());
	if ((scheme != "http" && scheme != "https") || uri.getHost().empty()) return false;
	const std::string host = Poco::toLower(uri.getHost());
	return _extraHosts.count(host) > 0 || host == Poco::toLower(providerHost());
}

LogoCache::Image LogoCache::fetch(const Poco::URI& uri)
{
	const Poco::Clock started;
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (Poco::toLower(uri.getScheme()) == "https") session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), tls()));
	else session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	session->setTimeout(_limits.deadline, _limits.deadline, _limits.deadline);
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
	request.set("Accept", "image/png, image/jpeg, image/gif, image/webp");
	request.set("User-Agent", "restream");
	session->sendRequest(request);

	Poco::AutoPtr<SocketDeadline> deadline(new SocketDeadline(session->socket().impl()->sockfd()));
	_deadlines.schedule(deadline, started + _limits.deadline.totalMicroseconds());
	std::string bytes;
	try
	{
		bytes = readImage(*session, _limits.maxImageSize);
	}
	catch (...)
	{
		deadline->disarm();
		if (!deadline->struck()) throw;
	}
	deadline->disarm();
	if (deadline->struck()) // a shut down connection may look like an answer that ended
		throw Poco::TimeoutException("no whole answer within " + std::to_string(_limits.deadline.totalSeconds()) + " s");

	Image image;
	image.mediaType = mediaType(bytes);
	if (image.mediaType.empty()) throw Poco::DataFormatException("it is not a PNG, JPEG, GIF or WebP image");
	image.bytes = std::make_shared<const std::string>(std::move(bytes));
	return image;
}

void LogoCache::settle(const std::string& url, const Image& image)
{
	std::lock_guard<std::mutex> lock(_mutex);
	Entry& entry = _entries[url];
	entry.pending = false;
	entry.image = image;
	entry.expires = Poco::Clock() + (image.bytes ? _limits.imageLifetime : _limits.failureLifetime).totalMicroseconds();
	_recency.push_front(url);
	entry.recency = _recency.begin();
	if (image.bytes) _cachedBytes += image.bytes->size();
	while (!_recency.empty() && (_recency.size() > _limits.maxEntries || _cachedBytes > _limits.maxCachedBytes))
		forget(_entries.find(_recency.back()));
	_settled.notify_all();
}

void LogoCache::forget(Entries::iterator entry)
{
	_recency.erase(entry->second.recency);
	if (entry->second.image.bytes) _cachedBytes -= entry->second.image.bytes->size();
	_entries.erase(entry);
}

Poco::Net::Context::Ptr LogoCache::tls()
{
	std::call_once(_tlsOnce, [this] {
		Poco::Net::Context::Params params;
		params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
		params.loadDefaultCAs = true;
		_tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
	});
	return _tls;
}

} // namespace restream::host
