//
// PortConnection.cpp
//

#include "http/PortConnection.h"
#include "http/ConnectionResponse.h"
#include "net/HostNameGuard.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <istream>
#include <memory>
#include <ostream>

namespace restream::host {

namespace {

const std::streamsize maxDrainedBody = 64 * 1024;

bool hasBody(const Poco::Net::HTTPServerRequest& request)
{
	// without Content-Length or chunked encoding an HTTP/1.1 request has no body (RFC 9112, 6.3), but
	// Poco's request stream would wait for the client to close the connection
	return request.hasContentLength() || request.getChunkedTransferEncoding();
}

} // namespace

PortConnection::PortConnection(const Poco::Net::StreamSocket& socket, const PortSettings& settings,
	Poco::Net::HTTPServerParams::Ptr params, std::shared_ptr<const Router> router, const ClientAddress& clients,
	RequestWatchdog& watchdog, Poco::Logger& logger):
	Poco::Net::TCPServerConnection(socket),
	_settings(settings),
	_params(std::move(params)),
	_router(std::move(router)),
	_clients(clients),
	_watchdog(watchdog),
	_logger(logger)
{
}

void PortConnection::run()
{
	const Poco::UInt64 id = _watchdog.track(socket());
	try
	{
		socket().setReceiveTimeout(_settings.readTimeout);
		socket().setSendTimeout(_settings.readTimeout);
		socket().setNoDelay(true);
		Poco::Net::HTTPServerSession session(socket(), _params);
		while (session.hasMoreRequests())
		{
			_watchdog.arm(id, _settings.requestTimeout);
			const bool more = serve(session, id);
			_watchdog.disarm(id);
			if (!more) break;
		}
	}
	catch (const Poco::Exception& exc)
	{
		_logger.debug("port %s: connection ended: %s", _settings.name, exc.displayText());
	}
	_watchdog.untrack(id);
}

bool PortConnection::serve(Poco::Net::HTTPServerSession& session, Poco::UInt64 watchdogId)
{
	try
	{
		Poco::Net::HTTPServerResponseImpl response(session);
		Poco::Net::HTTPServerRequestImpl request(response, session, _params);
		response.setDate(Poco::Timestamp());
		response.setVersion(request.getVersion());
		response.setKeepAlive(_params->getKeepAlive() && request.getKeepAlive() && session.canKeepAlive());
		response.set("Server", "restream");
		const std::string refusal = malformed(request);
		if (!refusal.empty())
		{
			_logger.debug("port %s: refused a request: %s", _settings.name, refusal);
			sendBadRequest(session, refusal);
			return false;
		}

		RouteRequest routed;
		routed.method = Poco::toUpper(request.getMethod());
		routed.port = _settings.name;
		try
		{
			const Poco::URI uri(request.getURI());
			routed.path = uri.getPath();
			routed.query = uri.getQueryParameters();
		}
		catch (const Poco::Exception&)
		{
			sendBadRequest(session, "malformed request target");
			return false;
		}
		if (routed.path.empty() || routed.path[0] != '/')
		{
			sendBadRequest(session, "malformed request target");
			return false;
		}
		routed.headers = request;
		routed.host = request.get("Host", "");
		const Poco::Net::IPAddress peer = request.clientAddress().host();
		routed.clientAddress = _clients.of(peer, request);

		const Router::Target target = _router->route(routed, peer);
		bool keepAlive = response.getKeepAlive();
		std::shared_ptr<ConnectionResponse> answer;
		if (!target.route)
		{
			answer = std::make_shared<ConnectionResponse>(routed.isHead(), target.headers, _settings.streamBacklog);
			if (target.status == 200)
				answer->sendText(200, "application/json; charset=utf-8", "{\"status\":\"ok\",\"port\":\"" + _settings.name + "\"}",
					{{"Cache-Control", "no-store"}});
			else if (target.detail.empty())
				answer->send(target.status, {}, nullptr);
			else
				answer->sendError(target.status, target.detail);
		}
		else
		{
			const std::size_t limit = target.route->maxBodySize();
			if (hasBody(request))
			{
				if (request.getExpectContinue()) response.sendContinue();
				if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit))
				{
					request.stream().ignore(maxDrainedBody); // so the client reads the answer instead of a reset
					keepAlive = keepAlive && request.stream().eof();
					answer = std::make_shared<ConnectionResponse>(routed.isHead(), target.headers, _settings.streamBacklog);
					answer->sendError(413, "The request body is larger than " + std::to_string(limit / 1024) + " KiB");
				}
				else
				{
					std::string body;
					body.resize(limit + 1);
					request.stream().read(&body[0], static_cast<std::streamsize>(limit + 1));
					body.resize(static_cast<std::size_t>(request.stream().gcount()));
					if (body.size() > limit)
					{
						request.stream().ignore(maxDrainedBody);
						keepAlive = keepAlive && request.stream().eof();
						answer = std::make_shared<ConnectionResponse>(routed.isHead(), target.headers, _settings.streamBacklog);
						answer->sendError(413, "The request body is larger than " + std::to_string(limit / 1024) + " KiB");
					}
					routed.body = std::move(body);
				}
			}
			if (!answer)
			{
				answer = std::make_shared<ConnectionResponse>(routed.isHead(), target.headers, _settings.streamBacklog);
				_router->run(target, routed, answer);
			}
		}
		response.setKeepAlive(keepAlive);
		const ConnectionResponse::Outcome outcome =
			answer->serve(response, socket(), _settings.requestTimeout, [&] { _watchdog.disarm(watchdogId); });
		if (outcome != ConnectionResponse::Outcome::Answered) return false;
		keepAlive = keepAlive && response.getKeepAlive() && session.canKeepAlive();
		if (keepAlive && hasBody(request))
		{
			request.stream().ignore(maxDrainedBody);
			keepAlive = request.stream().eof();
		}
		session.setKeepAlive(keepAlive);
		return keepAlive;
	}
	catch (const Poco::Net::NoMessageException&)
	{
		return false;
	}
	catch (const Poco::Net::MessageException& exc)
	{
		_logger.debug("port %s: malformed request: %s", _settings.name, exc.displayText());
		sendBadRequest(session, "malformed HTTP request");
		return false;
	}
}

std::string PortConnection::malformed(const Poco::Net::HTTPServerRequest& request)
{
	const std::string& target = request.getURI();
	if (target.empty() || target[0] != '/') return "the request target must be a path (origin-form)";
	int hosts = 0;
	for (const auto& header : request)
	{
		if (header.first.empty() || header.first.find_first_of(" \t") != std::string::npos) return "a header name has blanks";
		if (Poco::icompare(header.first, "Host") == 0) ++hosts;
	}
	if (hosts > 1) return "more than one Host header";
	if (hosts == 0 && request.getVersion() == Poco::Net::HTTPMessage::HTTP_1_1) return "an HTTP/1.1 request without a Host header";
	if (hosts == 1 && HostNameGuard::hostName(request.getHost()).empty()) return "the Host header is not a host name with an optional port";
	if (request.has("Transfer-Encoding"))
	{
		if (request.has("Content-Length")) return "both Content-Length and Transfer-Encoding";
		if (Poco::icompare(Poco::trim(request.get("Transfer-Encoding")), "chunked") != 0) return "a Transfer-Encoding other than chunked";
	}
	return "";
}

void PortConnection::sendBadRequest(Poco::Net::HTTPServerSession& session, const std::string& detail)
{
	try
	{
		const std::string body = "{\"detail\":\"" + detail + "\"}";
		Poco::Net::HTTPServerResponseImpl response(session);
		response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
		response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
		response.setKeepAlive(false);
		response.setContentType("application/json; charset=utf-8");
		response.setContentLength(static_cast<std::streamsize>(body.size()));
		response.send() << body << std::flush;
		session.setKeepAlive(false);
	}
	catch (const Poco::Exception&)
	{
		// the client is gone; nothing to tell it
	}
}

} // namespace restream::host
