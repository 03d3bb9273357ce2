//
// fixture-lease.cpp
//
// A third party's plugin written against the SDK's host services alone: it
// holds channels with leases (on demand, like a tuner), watches channel
// events, reads the catalog and asks for playback URLs. Its routes let the
// host's tests drive it over HTTP:
//   POST /fixture/lease   {"stream_id"}  acquire and keep one more lease
//   POST /fixture/release {"stream_id"}  drop every lease of the channel
//   GET  /fixture/events                 what the subscription saw
//   GET  /fixture/catalog                the catalog as plugins see it (every
//                                        channel's metadata, a search)
//   GET  /fixture/urls?stream_id=        the channel's playback URLs
//

#include "restream/ChannelException.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include "restream/Route.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <map>
#include <mutex>
#include <vector>

namespace fixture {

class LeaseState
	/// What the plugin holds, shared by its routes.
{
public:
	std::mutex mutex;
	std::multimap<Poco::Int64, std::unique_ptr<restream::ChannelLease>> leases; /// every lease taken, by channel
	Poco::JSON::Array::Ptr events = new Poco::JSON::Array;
	std::unique_ptr<restream::Subscription> subscription;
};

class LeaseRoute : public restream::Route
{
public:
	LeaseRoute(std::string method, std::string path, restream::PluginContext& context, std::shared_ptr<LeaseState> state):
		_method(std::move(method)),
		_path(std::move(path)),
		_context(context),
		_state(std::move(state))
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
		return Access::Public;
	}

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override
	{
		if (_path == "/fixture/events")
		{
			std::lock_guard<std::mutex> lock(_state->mutex);
			return response->sendJson(200, _state->events);
		}
		if (_path == "/fixture/catalog") return catalog(*response);
		if (_path == "/fixture/urls")
		{
			Poco::Int64 streamId = 0;
			Poco::NumberParser::tryParse64(request.parameter("stream_id"), streamId);
			Poco::JSON::Array::Ptr urls = new Poco::JSON::Array;
			for (const auto& url : _context.playbackUrls().channel(streamId, request)) urls->add(url.format + " " + url.url);
			return response->sendJson(200, urls);
		}
		const Poco::Int64 streamId =
			Poco::JSON::Parser().parse(request.body).extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("stream_id");
		if (_path == "/fixture/release")
		{
			std::vector<std::unique_ptr<restream::ChannelLease>> released;
			{
				std::lock_guard<std::mutex> lock(_state->mutex);
				const auto range = _state->leases.equal_range(streamId);
				for (auto it = range.first; it != range.second; ++it) released.push_back(std::move(it->second));
				_state->leases.erase(streamId);
			}
			released.clear(); // outside the lock: the host may call the subscription meanwhile
			return response->sendJson(200, Poco::Dynamic::Var(true));
		}
		try
		{
			auto lease = _context.channels().acquire(streamId, "fixture-lease " + request.clientAddress);
			std::lock_guard<std::mutex> lock(_state->mutex);
			_state->leases.emplace(streamId, std::move(lease));
		}
		catch (const restream::ChannelException& exc)
		{
			Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
			error->set("detail", exc.message());
			error->set("error_code", exc.errorCode());
			return response->sendJson(exc.status(), error);
		}
		restream::ChannelStatus status;
		_context.channels().status(streamId, status);
		Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
		answer->set("state", std::string(restream::ChannelStatus::describe(status.state)));
		answer->set("holders", static_cast<int>(status.holders.size()));
		response->sendJson(200, answer);
	}

private:
	void catalog(restream::RouteResponse& response)
	{
		Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
		for (const auto& channel : _context.catalog().channels())
		{
			Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
			entry->set("stream_id", channel.streamId);
			entry->set("name", channel.name);
			entry->set("number", channel.number);
			entry->set("epg_id", channel.epgId);
			entry->set("logo_url", channel.logoUrl);
			entry->set("category_id", channel.categoryId);
			entry->set("category_name", channel.categoryName);
			list->add(entry);
		}
		Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
		answer->set("channels", list);
		answer->set("categories", static_cast<int>(_context.catalog().categories().size()));
		std::size_t total = 0;
		const auto found = _context.catalog().search("news", "", 0, 10, total);
		answer->set("search_news", found.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(found.front().streamId));
		response.sendJson(200, answer);
	}

	const std::string _method;
	const std::string _path;
	restream::PluginContext& _context;
	const std::shared_ptr<LeaseState> _state;
};

class LeasePlugin : public restream::Plugin
{
public:
	void start(restream::PluginContext& context) override
	{
		_state = std::make_shared<LeaseState>();
		auto state = _state;
		_state->subscription = context.channels().subscribe([state](const restream::ChannelEvent& event) {
			static const char* const kinds[] = {"started", "state", "stopped", "program"};
			Poco::JSON::Object::Ptr seen = new Poco::JSON::Object;
			seen->set("kind", std::string(kinds[static_cast<int>(event.kind)]));
			seen->set("stream_id", event.status.channel.streamId);
			seen->set("state", std::string(restream::ChannelStatus::describe(event.status.state)));
			seen->set("error_code", event.status.errorCode);
			std::lock_guard<std::mutex> lock(state->mutex);
			state->events->add(seen);
		});
		context.registry().add("fixture-lease.lease", std::make_shared<LeaseRoute>("POST", "/fixture/lease", context, _state));
		context.registry().add("fixture-lease.release", std::make_shared<LeaseRoute>("POST", "/fixture/release", context, _state));
		context.registry().add("fixture-lease.events", std::make_shared<LeaseRoute>("GET", "/fixture/events", context, _state));
		context.registry().add("fixture-lease.catalog", std::make_shared<LeaseRoute>("GET", "/fixture/catalog", context, _state));
		context.registry().add("fixture-lease.urls", std::make_shared<LeaseRoute>("GET", "/fixture/urls", context, _state));
	}

	void stop() override
	{
		std::multimap<Poco::Int64, std::unique_ptr<restream::ChannelLease>> leases;
		{
			std::lock_guard<std::mutex> lock(_state->mutex);
			leases.swap(_state->leases);
		}
		leases.clear();
		_state->subscription.reset();
		_state.reset();
	}

private:
	std::shared_ptr<LeaseState> _state;
};

} // namespace fixture

RESTREAM_PLUGIN(fixture::LeasePlugin, "fixture-lease", "1.0", "holds channels with leases and watches their events")
