//
// PortConnection.cpp
//

#include "http/PortConnection.h"
#include "restream/RequestBody.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <memory>
#include <ostream>

namespace restream::host {

namespace {

const std::streamsize maxDrainedBody = 64 * 1024;

} // namespace

PortConnection::PortConnection(const Poco::Net::StreamSocket& socket, const PortSettings& settings,
	Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr factory, RequestWatchdog& watchdog,
	Poco::Logger& logger):
	Poco::Net::TCPServerConnection(socket),
	_settings(settings),
	_params(std::move(params)),
	_factory(std::move(factory)),
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
			try
			{
				Poco::Net::HTTPServerResponseImpl response(session);
				Poco::Net::HTTPServerRequestImpl request(response, session, _params);
				response.setDate(Poco::Timestamp());
				response.setVersion(request.getVersion());
				response.setKeepAlive(_params->getKeepAlive() && request.getKeepAlive() && session.canKeepAlive());
				response.set("Server", "restream");
				std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(_factory->createRequestHandler(request));
				if (request.getExpectContinue() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK) response.sendContinue();
				handler->handleRequest(request, response);
				bool keepAlive = _params->getKeepAlive() && response.getKeepAlive() && session.canKeepAlive();
				if (keepAlive && RequestBody::isPresent(request))
				{
					request.stream().ignore(maxDrainedBody);
					keepAlive = request.stream().eof();
				}
				session.setKeepAlive(keepAlive);
			}
			catch (const Poco::Net::NoMessageException&)
			{
				break;
			}
			catch (const Poco::Net::MessageException& exc)
			{
				_logger.debug("port %s: malformed request: %s", _settings.name, exc.displayText());
				sendBadRequest(session);
				break;
			}
			_watchdog.disarm(id);
		}
	}
	catch (const Poco::Exception& exc)
	{
		_logger.debug("port %s: connection ended: %s", _settings.name, exc.displayText());
	}
	_watchdog.untrack(id);
}

void PortConnection::sendBadRequest(Poco::Net::HTTPServerSession& session)
{
	try
	{
		static const std::string body = "{\"detail\":\"malformed HTTP request\"}";
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
