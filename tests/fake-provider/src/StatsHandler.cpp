//
// StatsHandler.cpp
//
// Library: fakeprovider
//


#include "StatsHandler.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerResponse.h"


namespace fakeprovider {


StatsHandler::StatsHandler(ProviderContext& context, bool reset):
	_context(context),
	_reset(reset)
{
}


void StatsHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		const std::string expected = _reset ? Poco::Net::HTTPRequest::HTTP_POST : Poco::Net::HTTPRequest::HTTP_GET;
		if (request.getMethod() != expected) return sendError(response, 405);
		if (_reset) _context.stats().reset();
		ProviderStats stats = _context.stats().snapshot();
		stats.activeConnections = _context.slots().inUse();
		sendJson(response, StatsRecorder::toJson(stats));
	}
	catch (Poco::Exception&)
	{
		// The client went away.
	}
}


} // namespace fakeprovider
