//
// fixture-good.cpp
//
// A well-behaved fixture plugin: serves the pages of the admin port (and
// throws on /boom), contributes API routes, declares typed settings (one
// secret) and logs them.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include "restream/Route.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <stdexcept>

namespace fixture {

class Route : public restream::Route
{
public:
	Route(std::string port, std::string method, std::string path, Access access, std::string greeting):
		_port(std::move(port)),
		_method(std::move(method)),
		_path(std::move(path)),
		_access(access),
		_greeting(std::move(greeting))
	{
	}

	std::string port() const override
	{
		return _port;
	}

	std::string method() const override
	{
		return _method;
	}

	std::string path() const override
	{
		return _path;
	}

	Access access() const override
	{
		return _access;
	}

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override
	{
		if (request.path == "/boom") throw std::runtime_error("deliberate failure in a page handler");
		if (request.path == "/poco-boom") throw Poco::IllegalStateException("deliberate Poco failure");
		if (request.path == "/fixture/throw") throw Poco::RuntimeException("deliberate failure in a route");
		if (request.path == "/missing") return response->sendError(404, "Not Found");
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("plugin", "fixture-good");
		body->set("route", _path);
		body->set("path", request.path);
		body->set("query", request.parameter("x"));
		body->set("subject", request.caller.subject);
		body->set("client", request.clientAddress);
		body->set("greeting", _greeting);
		body->set("body", request.body);
		response->sendJson(200, body);
	}

private:
	const std::string _port;
	const std::string _method;
	const std::string _path;
	const Access _access;
	const std::string _greeting;
};

class GoodPlugin : public restream::Plugin
{
public:
	std::vector<restream::Setting> settings() const override
	{
		return {
			restream::Setting::text("greeting", "bonjour", "what the pages say", "FIXTURE_GREETING"),
			restream::Setting::secret("token", "a secret the plugin logs, to prove redaction"),
			restream::Setting::integer("count", 3, 1, 10, "a bounded number, to prove the host checks it"),
		};
	}

	void start(restream::PluginContext& context) override
	{
		const std::string greeting = context.config().getString("greeting");
		const auto add = [&](const std::string& name, const std::string& port, const std::string& method, const std::string& path,
							 restream::Route::Access access) {
			context.registry().add(name, std::make_shared<Route>(port, method, path, access, greeting));
		};
		add("fixture-good.pages", "admin", "GET", "/*", restream::Route::Access::Public);
		add("fixture-good.echo", "api", "GET", "/fixture/echo", restream::Route::Access::Public);
		add("fixture-good.prefix", "api", "GET", "/fixture/files/*", restream::Route::Access::Public);
		add("fixture-good.post", "api", "POST", "/fixture/echo", restream::Route::Access::Public);
		add("fixture-good.throw", "api", "GET", "/fixture/throw", restream::Route::Access::Public);
		add("fixture-good.private", "api", "GET", "/fixture/private", restream::Route::Access::Protected);
		context.logger().information("fixture-good started with greeting %s, token %s, count %d, state in %s", greeting,
			context.config().getString("token", ""), context.config().getInt("count"), context.stateDirectory());
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::GoodPlugin, "fixture-good", "1.2.3", "a well-behaved test plugin")
