//
// ErrorAnswers.cpp
//

#include "api/ErrorAnswers.h"
#include "catalog/SourceErrors.h"
#include "logging/Redactor.h"
#include <Poco/JSON/Object.h>

namespace restream::host {

void ErrorAnswers::channel(RouteResponse& response, const ChannelException& refusal)
{
	Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
	error->set("detail", refusal.message());
	error->set("error_code", refusal.errorCode());
	response.sendJson(refusal.status(), error);
}

void ErrorAnswers::source(RouteResponse& response, const SourceException& failure, const Redactor& redactor)
{
	channel(response, SourceErrors::toChannelException(failure, redactor.redact(failure.message())));
}

} // namespace restream::host
