//
// fixture-other.cpp
//
// A second page-serving fixture plugin, on the player port, so a test can
// tell ports apart.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include "restream/Route.h"

namespace fixture {

class OtherPages : public restream::Route
{
public:
	std::string port() const override
	{
		return "player";
	}

	std::string method() const override
	{
		return "GET";
	}

	std::string path() const override
	{
		return "/*";
	}

	Access access() const override
	{
		return Access::Public;
	}

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override
	{
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("plugin", "fixture-other");
		body->set("path", request.path);
		response->sendJson(200, body);
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

RESTREAM_PLUGIN(fixture::OtherPlugin, "fixture-other", "0.1", "a second page-serving test plugin")
