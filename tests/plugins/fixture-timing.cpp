//
// fixture-timing.cpp
//
// Two routes on the tuner port for the HTTP server's tests: /fixture/slow
// blocks its thread for ?ms= milliseconds (a route that calls a slow
// provider), /fixture/quick is quick() and answers from memory at once.
//

#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include "restream/Route.h"
#include <Poco/NumberParser.h>
#include <Poco/Thread.h>
#include <algorithm>

namespace fixture {

class TimingRoute : public restream::Route
{
public:
	explicit TimingRoute(bool quick):
		_quick(quick)
	{
	}

	std::string port() const override
	{
		return "tuner";
	}

	std::string method() const override
	{
		return "GET";
	}

	std::string path() const override
	{
		return _quick ? "/fixture/quick" : "/fixture/slow";
	}

	Access access() const override
	{
		return Access::Public;
	}

	bool quick() const override
	{
		return _quick;
	}

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override
	{
		if (!_quick)
		{
			int ms = 0;
			Poco::NumberParser::tryParse(request.parameter("ms", "3000"), ms);
			Poco::Thread::sleep(std::clamp(ms, 0, 10000));
		}
		response->sendText(200, "text/plain", _quick ? "quick" : "slow");
	}

private:
	const bool _quick;
};

class TimingPlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		context.registry().add("fixture-timing.slow", std::make_shared<TimingRoute>(false));
		context.registry().add("fixture-timing.quick", std::make_shared<TimingRoute>(true));
	}

	void stop() override
	{
	}
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::TimingPlugin, "fixture-timing", "0.1", "a slow and a quick route on the tuner port")
