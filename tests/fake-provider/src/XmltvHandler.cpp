//
// XmltvHandler.cpp
//
// Library: fakeprovider
//


#include "XmltvHandler.h"
#include "ErrorLog.h"
#include "GuideWriter.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/DeflatingStream.h"
#include "Poco/Net/HTMLForm.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerResponse.h"
#include "Poco/Net/NetException.h"
#include "Poco/String.h"
#include <zlib.h>


namespace fakeprovider {


namespace {


void sendEmpty(Poco::Net::HTTPServerResponse& response, int status)
{
	sendReply(response, status, "text/plain", "");
}


} // namespace


XmltvHandler::XmltvHandler(ProviderContext& context):
	_context(context)
{
}


void XmltvHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
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
		logError("xmltv.php: " + exc.displayText());
		if (!response.sent()) sendError(response, 500);
	}
	catch (std::exception& exc)
	{
		logError(std::string("xmltv.php: ") + exc.what());
		if (!response.sent()) sendError(response, 500);
	}
}


void XmltvHandler::answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	_context.stats().xmltvRequest();
	if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET) return sendError(response, 405);
	if (!_context.faults().userAgentAllowed(request.get("User-Agent", ""))) return sendError(response, 403);
	const ApiMode mode = _context.faults().apiMode();
	if (mode == ApiMode::SLOW && _context.waitForStop(_context.faults().apiDelay())) return sendError(response, 503);

	const Poco::Net::HTMLForm form(request);
	if (!_context.credentialsMatch(form.get("username", ""), form.get("password", ""))) return sendEmpty(response, 401);
	if (mode == ApiMode::EXPIRED || mode == ApiMode::DISABLED || mode == ApiMode::BANNED) return sendEmpty(response, 403);

	const bool gzip = Poco::toLower(request.get("Accept-Encoding", "")).find("gzip") != std::string::npos;
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType("application/xml; charset=UTF-8");
	response.setChunkedTransferEncoding(true);
	response.set("Vary", "Accept-Encoding");
	if (gzip) response.set("Content-Encoding", "gzip");
	std::ostream& body = response.send();

	const RuntimeSettings& settings = _context.settings();
	GuideWriter guide(_context.catalog(), _context.baseUrl(), PanelTimeZone(_context.options().timezone), settings.guideChannels(), settings.guideHours());
	if (!gzip) return guide.write(body, Poco::Timestamp());
	Poco::DeflatingOutputStream deflater(body, Poco::DeflatingStreamBuf::STREAM_GZIP, Z_BEST_SPEED);
	guide.write(deflater, Poco::Timestamp());
	deflater.close();
}


} // namespace fakeprovider
