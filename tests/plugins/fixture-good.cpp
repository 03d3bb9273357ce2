//
// fixture-good.cpp
//
// A well-behaved fixture plugin: serves a whole port (and throws on /boom),
// contributes API routes, declares settings (one secret) and logs them.
//

#include "restream/ApiRoute.h"
#include "restream/JsonResponse.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include "restream/PortHandlerFactory.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <stdexcept>

namespace fixture {

class PageHandler : public Poco::Net::HTTPRequestHandler
{
public:
	explicit PageHandler(std::string greeting):
		_greeting(std::move(greeting))
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		if (request.getURI() == "/boom") throw std::runtime_error("deliberate failure in a page handler");
		if (request.getURI() == "/poco-boom") throw Poco::IllegalStateException("deliberate Poco failure");
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("plugin", "fixture-good");
		body->set("path", request.getURI());
		body->set("greeting", _greeting);
		restream::JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
	}

private:
	const std::string _greeting;
};

class Pages : public restream::PortHandlerFactory
{
public:
	explicit Pages(std::string greeting):
		_greeting(std::move(greeting))
	{
	}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override
	{
		if (request.getURI() == "/missing") return nullptr;
		return new PageHandler(_greeting);
	}

private:
	const std::string _greeting;
};

class Route : public restream::ApiRoute
{
public:
	Route(const restream::PluginContext& context, std::string method, std::string path, Access access):
		_context(context),
		_method(std::move(method)),
		_path(std::move(path)),
		_access(access)
	{
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

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const restream::Identity& caller) override
	{
		if (_path == "/fixture/throw") throw Poco::RuntimeException("deliberate failure in a route");
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("route", _path);
		body->set("uri", request.getURI());
		body->set("subject", caller.subject);
		body->set("client", _context.clientAddress(request));
		restream::JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, body);
	}

private:
	const restream::PluginContext& _context;
	const std::string _method;
	const std::string _path;
	const Access _access;
};

class GoodPlugin : public restream::Plugin
{
public:
	std::vector<restream::Setting> settings() const override
	{
		return {
			{"greeting", "bonjour", "what the pages say", "FIXTURE_GREETING", false},
			{"token", "", "a secret the plugin logs, to prove redaction", "", true},
		};
	}

	void start(restream::PluginContext& context) override
	{
		const std::string greeting = context.config().getString("greeting");
		context.registry().add("fixture-good.pages", std::make_shared<Pages>(greeting));
		context.registry().add("fixture-good.echo", std::make_shared<Route>(context, "GET", "/fixture/echo", restream::ApiRoute::Access::Public));
		context.registry().add("fixture-good.prefix", std::make_shared<Route>(context, "GET", "/fixture/files/*", restream::ApiRoute::Access::Public));
		context.registry().add("fixture-good.post", std::make_shared<Route>(context, "POST", "/fixture/echo", restream::ApiRoute::Access::Public));
		context.registry().add("fixture-good.throw", std::make_shared<Route>(context, "GET", "/fixture/throw", restream::ApiRoute::Access::Public));
		context.registry().add("fixture-good.private", std::make_shared<Route>(context, "GET", "/fixture/private", restream::ApiRoute::Access::Protected));
		context.logger().information("fixture-good started with greeting %s, token %s, state in %s", greeting,
			context.config().getString("token", ""), context.stateDirectory());
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::GoodPlugin, "fixture-good", "1.2.3", "a well-behaved test plugin")
