//
// HlsPlugin.cpp
//

#include "HlsPlugin.h"
#include "ChannelDirectory.h"
#include "HlsOutput.h"
#include "HlsPaths.h"
#include "MediaResponse.h"
#include "PlaylistRoute.h"
#include "PreflightRoute.h"
#include "SegmentRoute.h"
#include "restream/PlaybackForm.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>

extern "C" {
#include <libavformat/avformat.h>
}

namespace outputhls {

namespace {

Poco::Timespan seconds(double value)
{
	return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(value * 1e6));
}

} // namespace

std::vector<restream::Setting> HlsPlugin::settings() const
{
	return {
		restream::Setting::seconds("segmentDuration", "2", 1, 60,
			"Target segment duration in seconds; segments are cut at the first video keyframe once this long"),
		restream::Setting::boolean("lowLatency", true,
			"Also publish the low-latency rendition (LL-HLS, fMP4 parts: /live.ll.m3u8, /live/<id>.ll.m3u8); "
			"off, no CPU goes to it and its URLs answer 404, the MPEG-TS playlists stay as they are"),
		restream::Setting::seconds("partDuration", "0.33", 0.1, 2,
			"Part target of the low-latency (LL-HLS, fMP4) rendition in seconds: no part is longer"),
		restream::Setting::integer("windowSize", 6, 1, 1000, "Segments listed in the live playlist"),
		restream::Setting::integer("keepSegments", 4, 0, 1000, "Segments still served after leaving the playlist, for late downloaders"),
		restream::Setting::seconds("viewerWindow", "30", 1, 86400, "Seconds a playlist or segment request counts its client as a viewer"),
		restream::Setting::seconds("endedGrace", "30", 0, 3600,
			"Seconds an ended playlist is still served with EXT-X-ENDLIST (so players end cleanly) before it answers 404"),
		restream::Setting::seconds("startWait", "20", 1, 120,
			"Seconds a playlist request waits for a starting channel's (or the program's) first segment before 404"),
	};
}

void HlsPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	HlsSettings settings;
	settings.segmentDuration = seconds(config.getDouble("segmentDuration"));
	settings.lowLatency = config.getBool("lowLatency");
	settings.partDuration = seconds(config.getDouble("partDuration"));
	settings.windowSize = static_cast<std::size_t>(config.getInt("windowSize"));
	settings.keepSegments = static_cast<std::size_t>(config.getInt("keepSegments"));
	settings.viewerWindow = seconds(config.getDouble("viewerWindow"));
	settings.endedGrace = seconds(config.getDouble("endedGrace"));
	settings.stateDirectory = context.stateDirectory();
	const AVOutputFormat* muxer = av_guess_format("mpegts", nullptr, nullptr);
	if (!muxer) throw Poco::NotFoundException("FFmpeg has no mpegts muxer; HLS output is unavailable");
	if (!av_guess_format("mp4", nullptr, nullptr)) throw Poco::NotFoundException("FFmpeg has no mp4 muxer; HLS output is unavailable");

	auto directory = std::make_shared<ChannelDirectory>(settings);
	// a viewer polls every target duration: three missed polls and its lease goes
	_leases = std::make_shared<DemandLeases>(context.channels(), Poco::Timespan(3 * settings.segmentDuration.totalMicroseconds()));
	_waiters = std::make_shared<PlaylistWaiters>(directory, seconds(config.getDouble("startWait")));
	std::weak_ptr<PlaylistWaiters> waiters = _waiters;
	restream::Registry& registry = context.registry();
	registry.add("output-hls", std::make_shared<HlsOutput>(directory, settings, context.logger(), [waiters](Poco::Int64 streamId) {
		if (auto ready = waiters.lock()) ready->published(streamId);
	}));
	restream::Channels& channels = context.channels();
	registry.add("output-hls.live", std::make_shared<PlaylistRoute>(HlsPaths::PRIMARY_PLAYLIST, PlaylistRoute::Selection::Program,
		settings.lowLatency, directory, channels, _leases, _waiters));
	registry.add("output-hls.internal-stream", std::make_shared<PlaylistRoute>(HlsPaths::INTERNAL_PLAYLIST,
		PlaylistRoute::Selection::Program, settings.lowLatency, directory, channels, _leases, _waiters));
	registry.add("output-hls.live-ll", std::make_shared<PlaylistRoute>(HlsPaths::LOW_LATENCY_PLAYLIST,
		PlaylistRoute::Selection::LowLatencyProgram, settings.lowLatency, directory, channels, _leases, _waiters));
	registry.add("output-hls.channel", std::make_shared<PlaylistRoute>(HlsPaths::CHANNEL_PREFIX + "*", PlaylistRoute::Selection::ByStreamId,
		settings.lowLatency, directory, channels, _leases, _waiters));
	registry.add("output-hls.segments", std::make_shared<SegmentRoute>(settings.lowLatency, directory, _leases));
	registry.add("output-hls.live.options", std::make_shared<PreflightRoute>(HlsPaths::PRIMARY_PLAYLIST));
	registry.add("output-hls.internal-stream.options", std::make_shared<PreflightRoute>(HlsPaths::INTERNAL_PLAYLIST));
	registry.add("output-hls.live-ll.options", std::make_shared<PreflightRoute>(HlsPaths::LOW_LATENCY_PLAYLIST));
	registry.add("output-hls.channel.options", std::make_shared<PreflightRoute>(HlsPaths::CHANNEL_PREFIX + "*"));
	registry.add("output-hls.segments.options", std::make_shared<PreflightRoute>(HlsPaths::SEGMENT_PREFIX + "*"));
	registry.add("output-hls.url", std::make_shared<restream::PlaybackForm>("hls", "api", HlsPaths::PRIMARY_PLAYLIST,
		HlsPaths::CHANNEL_PREFIX + "{stream_id}.m3u8", MediaResponse::PLAYLIST_TYPE));

	const std::string lowLatency = settings.lowLatency
		? Poco::format("low-latency parts of %.2f s", static_cast<double>(settings.partDuration.totalMilliseconds()) / 1000.0)
		: std::string("low-latency rendition off");
	context.logger().information(Poco::format(
		"FFmpeg muxer %s (%s) found; registered output 'output-hls' and GET/OPTIONS %s, %s, %s, %s*, %s* "
		"(segments of %.1f s, %s, %z in the playlist, %z more kept, viewers counted over %d s, ended playlists kept %d s)",
		std::string(muxer->name), std::string(muxer->long_name ? muxer->long_name : ""), HlsPaths::PRIMARY_PLAYLIST,
		HlsPaths::INTERNAL_PLAYLIST, HlsPaths::LOW_LATENCY_PLAYLIST, HlsPaths::CHANNEL_PREFIX, HlsPaths::SEGMENT_PREFIX,
		static_cast<double>(settings.segmentDuration.totalMilliseconds()) / 1000.0,
		lowLatency, settings.windowSize, settings.keepSegments,
		static_cast<int>(settings.viewerWindow.totalSeconds()), static_cast<int>(settings.endedGrace.totalSeconds())));
}

void HlsPlugin::stop()
{
	_leases->releaseAll();
	_waiters->stop();
	_leases.reset();
	_waiters.reset();
}

} // namespace outputhls

RESTREAM_PLUGIN(outputhls::HlsPlugin, "output-hls", "2.0.0",
	"Republishes live channels and the program as HLS from memory: MPEG-TS segments cut at keyframes, playlists that only move forward")
