//
// ErrorHandler.cpp
//

#include "http/ErrorHandler.h"
#include "restream/JsonResponse.h"

namespace restream::host {

ErrorHandler::ErrorHandler(Poco::Net::HTTPResponse::HTTPStatus status, std::string detail):
	_status(status),
	_detail(std::move(detail))
{
}

void ErrorHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response)
{
	JsonResponse::sendError(response, _status, _detail);
}

} // namespace restream::host
