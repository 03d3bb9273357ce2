//
// fixture-other.cpp
//
// A second port-serving fixture plugin, so a test can tell ports apart.
//

#include "restream/JsonResponse.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include "restream/PortHandlerFactory.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>

namespace fixture {

class OtherHandler : public Poco::Net::HTTPRequestHandler
{
public:
	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("plugin", "fixture-other");
		body->set("path", request.getURI());
		restream::JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
	}
};

class OtherPages : public restream::PortHandlerFactory
{
public:
	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new OtherHandler;
	}
};

class OtherPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture-other.pages", std::make_shared<OtherPages>());
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::OtherPlugin, "fixture-other", "0.1", "a second port-serving test plugin")
