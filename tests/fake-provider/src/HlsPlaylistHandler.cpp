//
// HlsPlaylistHandler.cpp
//
// Library: fakeprovider
//


#include "HlsPlaylistHandler.h"
#include "ErrorLog.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerResponse.h"
#include "Poco/Net/NetException.h"


namespace fakeprovider {


const std::chrono::milliseconds HlsPlaylistHandler::FIRST_SEGMENT_TIMEOUT(15000);


HlsPlaylistHandler::HlsPlaylistHandler(ProviderContext& context, const StreamHandler::Target& target):
	_context(context),
	_target(target)
{
}


void HlsPlaylistHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		answer(request, response);
	}
	catch (Poco::Net::NetException&)
	{
		// The client went away.
	}
	catch (Poco::TimeoutException&)
	{
	}
	catch (Poco::Exception& exc)
	{
		logError("playlist request: " + exc.displayText());
		if (!response.sent()) sendError(response, 500);
	}
	catch (std::exception& exc)
	{
		logError(std::string("playlist request: ") + exc.what());
		if (!response.sent()) sendError(response, 500);
	}
}


void HlsPlaylistHandler::answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	Catalog::Channel channel;
	const bool listed = _context.catalog().find(_target.channelId, channel);
	if (listed) _context.stats().hlsPlaylistRequest(channel.streamId);
	if (!_context.hlsViewers().running(_target.channelId)) _context.stats().streamRequest();

	if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET) return refuse(response, 405);
	if (!_context.faults().userAgentAllowed(request.get("User-Agent", ""))) return refuse(response, 403);
	if (!_context.credentialsMatch(_target.username, _target.password)) return refuse(response, 401);
	if (!_context.settings().hls() || !listed || !channel.online || channel.fromFile) return refuse(response, 404);
	const ApiMode mode = _context.faults().apiMode();
	if (mode == ApiMode::EXPIRED || mode == ApiMode::DISABLED || mode == ApiMode::BANNED) return refuse(response, 403);
	const ChannelFaults faults = _context.faults().effective(channel.streamId);
	if (faults.status != 0) return refuse(response, faults.status);

	std::shared_ptr<HlsViewer> pViewer;
	switch (_context.hlsViewers().admit(channel, pViewer))
	{
	case HlsViewers::Admission::REFUSED:
		_context.stats().streamRefused();
		return sendError(response, 403);
	case HlsViewers::Admission::STOPPED:
		return sendError(response, 503);
	default:
		break;
	}
	if (!pViewer->segmenter()->waitForSegment(FIRST_SEGMENT_TIMEOUT)) return sendError(response, 503);
	pViewer->touch();
	response.set("Cache-Control", "no-cache");
	response.set("Access-Control-Allow-Origin", "*");
	sendReply(response, 200, "application/vnd.apple.mpegurl", pViewer->playlist(faults.hlsLoop));
}


void HlsPlaylistHandler::refuse(Poco::Net::HTTPServerResponse& response, int status)
{
	_context.stats().streamError();
	sendError(response, status);
}


} // namespace fakeprovider
