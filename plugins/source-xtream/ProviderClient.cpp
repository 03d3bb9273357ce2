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
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/String.h>

namespace sourcextream {

using restream::SourceException;

ProviderClient::ProviderClient(const restream::PluginContext& context, const Options& options, Poco::Net::Context::Ptr tls):
	_context(context),
	_options(options),
	_tls(std::move(tls)),
	_errors(context, options.timeout)
{
}

ProviderClient::Answer ProviderClient::get(const Poco::URI& uri) const
{
	const Poco::Timestamp started;
	std::unique_ptr<ProviderResponse> response = open(uri, {{"Accept", "application/json"}});
	Answer answer;
	answer.status = response->status();
	try
	{
		readBody(*response, started, answer.body);
	}
	catch (const SourceException& exc)
	{
		logFailure(response->uri(), started, exc.message());
		throw;
	}
	if (_context.logger().debug())
		_context.logger().debug("GET %s: HTTP %d, %z bytes in %s ms", _context.redact(response->uri().toString()), answer.status,
			answer.body.size(), std::to_string(started.elapsed() / 1000));
	return answer;
}

std::unique_ptr<ProviderResponse> ProviderClient::open(const Poco::URI& uri, const Headers& headers) const
{
	const Poco::Timestamp started;
	Poco::URI current(uri);
	for (int redirects = 0;; ++redirects)
	{
		std::unique_ptr<ProviderResponse> response;
		try
		{
			std::unique_ptr<Poco::Net::HTTPClientSession> client = session(current);
			Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, current.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
			if (!_options.userAgent.empty()) request.set("User-Agent", _options.userAgent);
			for (const auto& header : headers) request.set(header.first, header.second);
			client->sendRequest(request);
			response = std::make_unique<ProviderResponse>(std::move(client), current, _errors);
		}
		catch (...)
		{
			try
			{
				_errors.rethrow(current);
			}
			catch (const SourceException& exc)
			{
				logFailure(current, started, exc.message());
				throw;
			}
		}
		const int status = response->status();
		const bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
		if (!redirect || !response->response().has("Location")) return response;

		Poco::URI next(current);
		try
		{
			next.resolve(response->response().get("Location"));
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

std::unique_ptr<Poco::Net::HTTPClientSession> ProviderClient::session(const Poco::URI& uri) const
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (Poco::toLower(uri.getScheme()) == "https") session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), _tls));
	else session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	session->setTimeout(_options.timeout, _options.timeout, _options.timeout);
	return session;
}

void ProviderClient::readBody(ProviderResponse& response, const Poco::Timestamp& started, std::string& body) const
{
	const std::string& host = response.uri().getHost();
	const auto tooLarge = [&]() {
		return SourceException(SourceException::ProviderError, "the answer of the provider at " + host + " is larger than " +
			std::to_string(_options.maxAnswerSize / (1024 * 1024)) + " MiB");
	};
	const Poco::Int64 length = response.response().hasContentLength() ? response.response().getContentLength64() : -1;
	if (length > static_cast<Poco::Int64>(_options.maxAnswerSize)) throw tooLarge();
	if (length > 0) body.reserve(static_cast<std::size_t>(length));

	char buffer[64 * 1024];
	for (;;)
	{
		if (started.isElapsed(_options.callTimeout.totalMicroseconds()))
			throw SourceException(SourceException::Timeout, "the provider at " + host + " did not send its whole answer within " +
				std::to_string(_options.callTimeout.totalSeconds()) + " s");
		const std::streamsize count = response.read(buffer, sizeof(buffer));
		if (count == 0) return;
		body.append(buffer, static_cast<std::size_t>(count));
		if (body.size() > _options.maxAnswerSize) throw tooLarge();
	}
}

void ProviderClient::logFailure(const Poco::URI& uri, const Poco::Timestamp& started, const std::string& message) const
{
	_context.logger().debug(
		"GET %s failed after %s ms: %s", _context.redact(uri.toString()), std::to_string(started.elapsed() / 1000), message);
}

} // namespace sourcextream
