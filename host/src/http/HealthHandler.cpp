//
// HealthHandler.cpp
//

#include "http/HealthHandler.h"
#include "restream/JsonResponse.h"

namespace restream::host {

HealthHandler::HealthHandler(std::string portName):
	_portName(std::move(portName))
{
}

void HealthHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("status", "ok");
	body->set("port", _portName);
	body->set("version", RESTREAM_VERSION);
	JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
}

} // namespace restream::host
