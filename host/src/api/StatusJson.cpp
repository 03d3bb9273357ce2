//
// StatusJson.cpp
//

#include "api/StatusJson.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <cmath>

namespace restream::host {

Poco::JSON::Object::Ptr StatusJson::channel(const ChannelStatus& status, const std::vector<PlaybackUrl>& playbackUrls)
{
	const Poco::Dynamic::Var null;
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("stream_id", status.channel.streamId);
	item->set("name", status.channel.name);
	item->set("number", status.channel.number);
	item->set("category_name", status.channel.categoryName);
	item->set("state", std::string(ChannelStatus::describe(status.state)));
	item->set("error", status.error.empty() ? null : Poco::Dynamic::Var(status.error));
	item->set("error_code", status.errorCode.empty() ? null : Poco::Dynamic::Var(status.errorCode));
	item->set("started_at", isoTime(status.startedAt));
	item->set("uptime_s", static_cast<Poco::Int64>(status.startedAt.elapsed() / Poco::Timestamp::resolution()));
	item->set("viewers", status.viewers);
	item->set("bitrate_kbps", std::round(status.bitrateKbps));
	item->set("reconnects", status.reconnects);
	item->set("last_packet_at", status.hasPackets ? Poco::Dynamic::Var(isoTime(status.lastPacketAt)) : null);
	item->set("pinned", status.pinned);
	item->set("on_air", status.onAir);
	Poco::JSON::Array::Ptr holders = new Poco::JSON::Array;
	for (const auto& holder : status.holders) holders->add(holder);
	item->set("holders", holders);
	item->set("urls", urls(playbackUrls));
	return item;
}

Poco::JSON::Array::Ptr StatusJson::urls(const std::vector<PlaybackUrl>& playbackUrls)
{
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (const auto& url : playbackUrls)
	{
		Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
		entry->set("format", url.format);
		entry->set("url", url.url);
		entry->set("media_type", url.mediaType);
		list->add(entry);
	}
	return list;
}

std::string StatusJson::firstOf(const std::vector<PlaybackUrl>& urls, const std::string& format)
{
	for (const auto& url : urls)
	{
		if (url.format == format) return url.url;
	}
	return "";
}

std::string StatusJson::isoTime(const Poco::Timestamp& time)
{
	return Poco::DateTimeFormatter::format(time, Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

} // namespace restream::host
