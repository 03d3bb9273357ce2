//
// TsResponse.cpp
//

#include "TsResponse.h"

namespace outputts {

namespace {

restream::RouteResponse::Headers streamHeaders()
{
	return {{"Content-Type", TsResponse::MEDIA_TYPE}, {"Cache-Control", "no-store"}};
}

} // namespace

const std::string TsResponse::MEDIA_TYPE = "video/mp2t";
const std::string TsResponse::RETRY_AFTER = "10";

bool TsResponse::startStream(restream::RouteResponse& response)
{
	return response.startStream(200, streamHeaders());
}

void TsResponse::sendHeadersOnly(restream::RouteResponse& response)
{
	// a stream that ends at once: no Content-Length, which a HEAD of endless media must not claim
	if (response.startStream(200, streamHeaders())) response.end();
}

void TsResponse::sendRefusal(restream::RouteResponse& response, const restream::ChannelException& refusal)
{
	const int status = refusal.status() == 409 ? 503 : refusal.status();
	restream::RouteResponse::Headers headers;
	if (status == 503) headers.emplace_back("Retry-After", RETRY_AFTER);
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("detail", refusal.message());
	body->set("error_code", refusal.errorCode());
	response.sendJson(status, body, headers);
}

void TsResponse::sendUnavailable(restream::RouteResponse& response, const std::string& detail, const std::string& errorCode)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("detail", detail);
	if (!errorCode.empty()) body->set("error_code", errorCode);
	response.sendJson(503, body, {{"Retry-After", RETRY_AFTER}});
}

void TsResponse::sendNotFound(restream::RouteResponse& response, const std::string& detail)
{
	response.sendError(404, detail);
}

} // namespace outputts
