//
// StatsRecorder.cpp
//
// Library: fakeprovider
//


#include "StatsRecorder.h"
#include "JsonWriter.h"
#include "Poco/NumberFormatter.h"


namespace fakeprovider {


void StatsRecorder::playerApiRequest()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.playerApiRequests;
}


void StatsRecorder::streamRequest()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.streamRequests;
	_requestTimes.emplace_back();
	if (_requestTimes.size() > MAX_REQUEST_TIMES) _requestTimes.pop_front();
}


void StatsRecorder::streamRefused()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.streamRefused;
}


void StatsRecorder::streamError()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.streamErrors;
}


void StatsRecorder::redirectHop()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.redirectHops;
}


void StatsRecorder::slowClientDropped()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.slowClientsDropped;
}


void StatsRecorder::xmltvRequest()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.xmltvRequests;
}


void StatsRecorder::logoRequest()
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.logoRequests;
}


void StatsRecorder::hlsPlaylistRequest(int channelId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.channels[channelId].hlsPlaylistRequests;
}


void StatsRecorder::hlsSegmentRequest(int channelId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_stats.channels[channelId].hlsSegmentRequests;
}


void StatsRecorder::streamOpened(int channelId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto& channel = _stats.channels[channelId];
	++channel.open;
	++channel.total;
}


void StatsRecorder::streamClosed(int channelId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	--_stats.channels[channelId].open;
}


void StatsRecorder::encoderStarted(int channelId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto& channel = _stats.channels[channelId];
	channel.encoding = true;
	++channel.encoderStarts;
}


void StatsRecorder::encoderStopped(int channelId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_stats.channels[channelId].encoding = false;
}


ProviderStats StatsRecorder::snapshot() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _stats;
}


std::vector<Poco::Timestamp> StatsRecorder::streamRequestTimes() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return std::vector<Poco::Timestamp>(_requestTimes.begin(), _requestTimes.end());
}


void StatsRecorder::reset()
{
	std::lock_guard<std::mutex> lock(_mutex);
	ProviderStats fresh;
	for (const auto& entry: _stats.channels)
	{
		if (entry.second.open > 0 || entry.second.encoding)
		{
			auto& channel = fresh.channels[entry.first];
			channel.open = entry.second.open;
			channel.encoding = entry.second.encoding;
		}
	}
	_stats = fresh;
	_requestTimes.clear();
}


std::string StatsRecorder::toJson(const ProviderStats& stats)
{
	JsonWriter json(false);
	json.beginObject().key("channels").beginObject();
	for (const auto& entry: stats.channels)
	{
		json.key(Poco::NumberFormatter::format(entry.first)).beginObject()
			.key("open").value(entry.second.open)
			.key("total").value(static_cast<Poco::Int64>(entry.second.total))
			.key("encoding").value(entry.second.encoding)
			.key("encoder_starts").value(static_cast<Poco::Int64>(entry.second.encoderStarts))
			.key("hls_playlist_requests").value(static_cast<Poco::Int64>(entry.second.hlsPlaylistRequests))
			.key("hls_segment_requests").value(static_cast<Poco::Int64>(entry.second.hlsSegmentRequests))
			.endObject();
	}
	json.endObject()
		.key("player_api_requests").value(static_cast<Poco::Int64>(stats.playerApiRequests))
		.key("stream_requests").value(static_cast<Poco::Int64>(stats.streamRequests))
		.key("stream_refused").value(static_cast<Poco::Int64>(stats.streamRefused))
		.key("stream_errors").value(static_cast<Poco::Int64>(stats.streamErrors))
		.key("redirect_hops").value(static_cast<Poco::Int64>(stats.redirectHops))
		.key("slow_clients_dropped").value(static_cast<Poco::Int64>(stats.slowClientsDropped))
		.key("xmltv_requests").value(static_cast<Poco::Int64>(stats.xmltvRequests))
		.key("logo_requests").value(static_cast<Poco::Int64>(stats.logoRequests))
		.key("active_connections").value(stats.activeConnections)
		.endObject();
	return json.str();
}


} // namespace fakeprovider
