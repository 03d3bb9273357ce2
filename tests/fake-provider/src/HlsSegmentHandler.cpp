//
// HlsSegmentHandler.cpp
//
// Library: fakeprovider
//


#include "HlsSegmentHandler.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerResponse.h"


namespace fakeprovider {


HlsSegmentHandler::HlsSegmentHandler(ProviderContext& context, const std::string& token, Poco::UInt64 sequence):
	_context(context),
	_token(token),
	_sequence(sequence)
{
}


void HlsSegmentHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET) return sendError(response, 405);
		const std::shared_ptr<HlsViewer> pViewer = _context.hlsViewers().find(_token);
		if (!pViewer) return sendError(response, 403);
		_context.stats().hlsSegmentRequest(pViewer->channelId());
		pViewer->touch();
		HlsSegmenter::Segment segment;
		if (!pViewer->segment(_sequence, segment)) return sendError(response, 404);
		response.set("Access-Control-Allow-Origin", "*");
		sendReply(response, 200, "video/mp2t", *segment.pData);
	}
	catch (Poco::Exception&)
	{
		// The client went away.
	}
}


} // namespace fakeprovider
