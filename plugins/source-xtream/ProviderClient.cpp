//
// ProviderClient.cpp
//

#include "ProviderClient.h"
#include "restream/PluginContext.h"
#include "restream/SourceException.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NumberFormatter.h>
#include <Poco/String.h>
#include <istream>

namespace restream {
namespace xtream {

ProviderClient::ProviderClient(const PluginContext& context, const Options& options, Poco::Net::Context::Ptr tls):
	_context(context),
	_options(options),
	_tls(std::move(tls))
{
}

ProviderClient::Answer ProviderClient::get(const Poco::URI& uri) const
{
	const Poco::Timestamp started;
	Poco::URI current(uri);
	for (int redirects = 0;; ++redirects)
	{
		Answer answer;
		std::string location;
		try
		{
			location = exchange(current, started, answer);
		}
		catch (...)
		{
			try
			{
				fail(current);
			}
			catch (const SourceException& exc)
			{
				_context.logger().debug("GET %s failed after %s ms: %s", _context.redact(current.toString()),
					std::to_string(started.elapsed() / 1000), exc.message());
				throw;
			}
		}
		if (location.empty())
		{
			if (_context.logger().debug())
				_context.logger().debug("GET %s: HTTP %d, %z bytes in %s ms", _context.redact(current.toString()), answer.status,
					answer.body.size(), std::to_string(started.elapsed() / 1000));
			return answer;
		}

		Poco::URI next(current);
		try
		{
			next.resolve(location);
		}
		catch (const Poco::SyntaxException&)
		{
			throw SourceException(SourceException::ProviderError,
				"the provider at " + current.getHost() + " redirected to an address that is not a URL");
		}
		const std::string scheme = Poco::toLower(next.getScheme());
		if ((scheme != "http" && scheme != "https") || next.getHost().empty())
			throw SourceException(SourceException::ProviderError,
				"the provider at " + current.getHost() + " redirected to an address that is not http or https");
		if (redirects == _options.maxRedirects)
			throw SourceException(SourceException::ProviderError, "the provider at " + current.getHost() + " redirected more than " +
				std::to_string(_options.maxRedirects) + " times");
		_context.logger().debug("GET %s: redirected to %s", _context.redact(current.toString()), _context.redact(next.toString()));
		current = next;
	}
}

std::string ProviderClient::exchange(const Poco::URI& uri, const Poco::Timestamp& started, Answer& answer) const
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session = open(uri);
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
	if (!_options.userAgent.empty()) request.set("User-Agent", _options.userAgent);
	request.set("Accept", "application/json");
	session->sendRequest(request);

	Poco::Net::HTTPResponse response;
	std::istream& in = session->receiveResponse(response);
	const int status = response.getStatus();
	const bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	if (redirect && response.has("Location")) return response.get("Location");

	answer.status = status;
	readBody(in, response.hasContentLength() ? response.getContentLength64() : -1, uri, started, answer.body);
	return std::string();
}

std::unique_ptr<Poco::Net::HTTPClientSession> ProviderClient::open(const Poco::URI& uri) const
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (Poco::toLower(uri.getScheme()) == "https") session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), _tls));
	else session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	session->setTimeout(_options.timeout, _options.timeout, _options.timeout);
	return session;
}

void ProviderClient::readBody(std::istream& in, std::streamsize contentLength, const Poco::URI& uri, const Poco::Timestamp& started,
	std::string& body) const
{
	const auto tooLarge = [&]() {
		return SourceException(SourceException::ProviderError, "the answer of the provider at " + uri.getHost() + " is larger than " +
			std::to_string(_options.maxAnswerSize / (1024 * 1024)) + " MiB");
	};
	if (contentLength > static_cast<std::streamsize>(_options.maxAnswerSize)) throw tooLarge();
	if (contentLength > 0) body.reserve(static_cast<std::size_t>(contentLength));

	// without badbit in the mask, istream would swallow the stream's timeouts as an early end
	in.exceptions(std::ios::badbit);
	char buffer[64 * 1024];
	for (;;)
	{
		if (started.isElapsed(_options.callTimeout.totalMicroseconds()))
			throw SourceException(SourceException::Timeout, "the provider at " + uri.getHost() + " did not send its whole answer within " +
				seconds(_options.callTimeout) + " s");
		// one byte waits for data (at most timeout), readsome() then takes what that read brought, so
		// that the deadline is checked after every read from the socket
		if (!in.read(buffer, 1)) break;
		const std::streamsize more = in.readsome(buffer + 1, sizeof(buffer) - 1);
		body.append(buffer, static_cast<std::size_t>(1 + more));
		if (body.size() > _options.maxAnswerSize) throw tooLarge();
	}
	if (contentLength >= 0 && static_cast<std::streamsize>(body.size()) < contentLength)
		throw SourceException(SourceException::ProviderError, "the answer of the provider at " + uri.getHost() + " was cut short");
}

void ProviderClient::fail(const Poco::URI& uri) const
{
	const std::string unreachable = "cannot reach the provider at " + authorityOf(uri) + ": ";
	try
	{
		throw;
	}
	catch (const SourceException&)
	{
		throw;
	}
	catch (const Poco::TimeoutException&)
	{
		throw SourceException(SourceException::Timeout,
			"the provider at " + uri.getHost() + " did not answer within " + seconds(_options.timeout) + " s");
	}
	catch (const Poco::Net::ConnectionRefusedException&)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "connection refused");
	}
	catch (const Poco::Net::DNSException&)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "the host name does not resolve");
	}
	catch (const Poco::Net::SSLException& exc)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "TLS failed (" + _context.redact(exc.message()) + ")");
	}
	catch (const Poco::Net::NoMessageException&)
	{
		throw SourceException(SourceException::ProviderError,
			"the provider at " + uri.getHost() + " closed the connection without answering");
	}
	catch (const Poco::Net::MessageException&)
	{
		throw SourceException(SourceException::ProviderError, "the provider at " + uri.getHost() + " sent a malformed HTTP answer");
	}
	catch (const Poco::Net::ConnectionResetException&)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "the connection was reset");
	}
	catch (const Poco::IOException& exc)
	{
		const std::string what = exc.message().empty() ? exc.displayText() : exc.message();
		throw SourceException(SourceException::Unreachable, unreachable + Poco::toLower(_context.redact(what)));
	}
}

std::string ProviderClient::authorityOf(const Poco::URI& uri)
{
	const std::string& host = uri.getHost();
	return (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" + Poco::NumberFormatter::format(uri.getPort());
}

std::string ProviderClient::seconds(const Poco::Timespan& span)
{
	return std::to_string(span.totalSeconds());
}

} // namespace xtream
} // namespace restream
