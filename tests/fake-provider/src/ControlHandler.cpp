//
// ControlHandler.cpp
//
// Library: fakeprovider
//


#include "ControlHandler.h"
#include "JsonWriter.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerResponse.h"
#include "Poco/NumberFormatter.h"
#include "Poco/NumberParser.h"
#include <cmath>
#include <set>


namespace fakeprovider {


namespace {


int parseInt(const std::string& name, const std::string& text, int minimum, int maximum)
{
	int value = 0;
	if (!Poco::NumberParser::tryParse(text, value) || value < minimum || value > maximum)
		throw Poco::InvalidArgumentException(name + " must be an integer from " + std::to_string(minimum) + " to " + std::to_string(maximum));
	return value;
}


bool parseFlag(const std::string& name, const std::string& text)
{
	if (text == "1" || text == "true") return true;
	if (text == "0" || text == "false") return false;
	throw Poco::InvalidArgumentException(name + " must be 0 or 1");
}


Poco::Timespan parseSeconds(const std::string& name, const std::string& text)
{
	double seconds = 0;
	if (!Poco::NumberParser::tryParseFloat(text, seconds) || !std::isfinite(seconds) || seconds < 0 || seconds > 86400)
		throw Poco::InvalidArgumentException(name + " must be a number of seconds from 0 to 86400");
	return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(std::llround(seconds * 1e6)));
}


void writeFaults(JsonWriter& json, const ChannelFaults& faults)
{
	json.beginObject()
		.key("drop_after_ms").value(static_cast<Poco::Int64>(faults.dropAfter.totalMilliseconds()))
		.key("stall").value(faults.stall)
		.key("status").value(faults.status)
		.key("garbage").value(faults.garbage)
		.key("redirect").value(faults.redirects)
		.key("redirect_loop").value(faults.redirectLoop)
		.key("bitrate_mbps").value(faults.bitRateMbps)
		.key("oversized_pes").value(faults.oversizedPes)
		.key("hls_loop").value(faults.hlsLoop)
		.endObject();
}


} // namespace


ControlHandler::ControlHandler(ProviderContext& context, bool reset):
	_context(context),
	_reset(reset)
{
}


void ControlHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		const std::string& method = request.getMethod();
		if (_reset)
		{
			if (method != Poco::Net::HTTPRequest::HTTP_POST) return sendError(response, 405);
			_context.resetFaults();
		}
		else if (method == Poco::Net::HTTPRequest::HTTP_POST)
		{
			try
			{
				apply(Poco::Net::HTMLForm(request));
			}
			catch (Poco::InvalidArgumentException& exc)
			{
				return sendReply(response, 400, "text/plain; charset=utf-8", exc.message() + "\n");
			}
			catch (Poco::NotFoundException& exc)
			{
				return sendReply(response, 400, "text/plain; charset=utf-8", exc.displayText() + "\n");
			}
		}
		else if (method != Poco::Net::HTTPRequest::HTTP_GET) return sendError(response, 405);
		sendJson(response, settingsJson(_context));
	}
	catch (Poco::Exception&)
	{
		// The client went away.
	}
}


std::string ControlHandler::settingsJson(ProviderContext& context)
{
	JsonWriter json(false);
	json.beginObject()
		.key("api_mode").value(apiModeName(context.faults().apiMode()))
		.key("api_delay_ms").value(static_cast<Poco::Int64>(context.faults().apiDelay().totalMilliseconds()))
		.key("user_agent_required").value(context.faults().userAgentRequired())
		.key("max_connections").value(context.slots().limit())
		.key("slot_release_delay_ms").value(static_cast<Poco::Int64>(context.slots().releaseDelay().totalMilliseconds()))
		.key("catalog_drip_ms").value(static_cast<Poco::Int64>(context.faults().catalogDrip().totalMilliseconds()))
		.key("gop_frames").value(context.settings().gopFrames())
		.key("hls").value(context.settings().hls())
		.key("guide_channels").value(context.settings().guideChannels())
		.key("guide_hours").value(context.settings().guideHours())
		.key("faults").beginObject();
	for (const auto& entry: context.faults().all())
	{
		json.key(entry.first == 0 ? std::string("all") : Poco::NumberFormatter::format(entry.first));
		writeFaults(json, entry.second);
	}
	json.endObject().endObject();
	return json.str();
}


void ControlHandler::apply(const Poco::Net::HTMLForm& form)
{
	static const std::set<std::string> known = {"channel", "drop_after", "stall", "status", "garbage", "redirect",
		"redirect_loop", "bitrate_mbps", "oversized_pes", "hls_loop", "api_mode", "api_delay_ms", "user_agent_required",
		"max_connections", "slot_release_delay_ms", "catalog_drip_ms", "gop_frames", "hls", "guide_channels", "guide_hours"};
	for (const auto& parameter: form)
	{
		if (known.count(parameter.first) == 0) throw Poco::InvalidArgumentException("unknown parameter " + parameter.first);
	}

	int channelId = 0;
	const std::string channel = form.get("channel", "all");
	if (channel != "all")
	{
		channelId = parseInt("channel", channel, 1, 1 << 30);
		_context.checkChannel(channelId);
	}
	ChannelFaults faults = _context.faults().get(channelId);
	if (form.has("drop_after")) faults.dropAfter = parseSeconds("drop_after", form.get("drop_after"));
	if (form.has("stall")) faults.stall = parseFlag("stall", form.get("stall"));
	if (form.has("status")) faults.status = parseInt("status", form.get("status"), 0, 599);
	if (form.has("garbage")) faults.garbage = parseFlag("garbage", form.get("garbage"));
	if (form.has("redirect")) faults.redirects = parseInt("redirect", form.get("redirect"), 0, 100);
	if (form.has("redirect_loop")) faults.redirectLoop = parseFlag("redirect_loop", form.get("redirect_loop"));
	if (form.has("bitrate_mbps")) faults.bitRateMbps = parseInt("bitrate_mbps", form.get("bitrate_mbps"), 0, FaultSwitches::MAX_BIT_RATE_MBPS);
	if (form.has("oversized_pes")) faults.oversizedPes = parseFlag("oversized_pes", form.get("oversized_pes"));
	if (form.has("hls_loop")) faults.hlsLoop = parseFlag("hls_loop", form.get("hls_loop"));
	ApiMode mode = _context.faults().apiMode();
	if (form.has("api_mode") && !parseApiMode(form.get("api_mode"), mode))
		throw Poco::InvalidArgumentException("unknown api_mode " + form.get("api_mode"));
	const int apiDelay = form.has("api_delay_ms") ? parseInt("api_delay_ms", form.get("api_delay_ms"), 0, 600000) : -1;
	const int maxConnections = form.has("max_connections") ? parseInt("max_connections", form.get("max_connections"), 0, 1000000) : -1;
	const int releaseDelay = form.has("slot_release_delay_ms") ? parseInt("slot_release_delay_ms", form.get("slot_release_delay_ms"), 0, 600000) : -1;
	const int catalogDrip = form.has("catalog_drip_ms") ? parseInt("catalog_drip_ms", form.get("catalog_drip_ms"), 0, 600000) : -1;
	const int gopFrames = form.has("gop_frames") ? parseInt("gop_frames", form.get("gop_frames"), 1, RuntimeSettings::MAX_GOP_FRAMES) : -1;
	const int guideChannels = form.has("guide_channels")
		? parseInt("guide_channels", form.get("guide_channels"), 0, RuntimeSettings::MAX_GUIDE_CHANNELS) : _context.settings().guideChannels();
	const int guideHours = form.has("guide_hours")
		? parseInt("guide_hours", form.get("guide_hours"), 1, RuntimeSettings::MAX_GUIDE_HOURS) : _context.settings().guideHours();
	const bool hls = form.has("hls") ? parseFlag("hls", form.get("hls")) : _context.settings().hls();

	_context.faults().set(channelId, faults); // validates the status range
	_context.faults().setApiMode(mode);
	if (apiDelay >= 0) _context.faults().setApiDelay(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(apiDelay) * 1000));
	if (form.has("user_agent_required")) _context.faults().setUserAgentRequired(form.get("user_agent_required"));
	if (maxConnections >= 0) _context.slots().setLimit(maxConnections);
	if (releaseDelay >= 0) _context.slots().setReleaseDelay(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(releaseDelay) * 1000));
	if (catalogDrip >= 0) _context.faults().setCatalogDrip(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(catalogDrip) * 1000));
	if (gopFrames > 0) _context.settings().setGopFrames(gopFrames);
	_context.settings().setGuideSize(guideChannels, guideHours);
	if (form.has("hls")) _context.setHls(hls);
}


} // namespace fakeprovider
