//
// HlsPlugin.cpp
//

#include "HlsPlugin.h"
#include "ChannelDirectory.h"
#include "HlsOutput.h"
#include "HlsPaths.h"
#include "PlaylistRoute.h"
#include "PreflightRoute.h"
#include "SegmentRoute.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/Exception.h>
#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <cmath>

extern "C" {
#include <libavformat/avformat.h>
}

namespace restream {
namespace hls {

std::vector<Setting> HlsPlugin::settings() const
{
	return {
		{"segmentDuration", "2",
			"Target segment duration in seconds; segments are cut at the first video keyframe once this long.", "",
			false},
		{"windowSize", "6", "Segments listed in the live playlist.", "", false},
		{"keepSegments", "4", "Segments still served after leaving the playlist, for late downloaders.", "", false},
		{"viewerWindow", "30", "Seconds a playlist or segment request counts its client as a viewer.", "", false},
	};
}

void HlsPlugin::start(PluginContext& context)
{
	const HlsSettings settings = parseSettings(context.config());
	const AVOutputFormat* muxer = av_guess_format("mpegts", nullptr, nullptr);
	if (!muxer) throw Poco::NotFoundException("FFmpeg has no mpegts muxer; HLS output is unavailable");

	auto directory = std::make_shared<ChannelDirectory>(settings);
	Registry& registry = context.registry();
	registry.add("output-hls", std::make_shared<HlsOutput>(directory, settings, context.logger()));
	registry.add("output-hls.live", std::make_shared<PlaylistRoute>(HlsPaths::PRIMARY_PLAYLIST,
		PlaylistRoute::Selection::Primary, directory, context));
	registry.add("output-hls.internal-stream", std::make_shared<PlaylistRoute>(HlsPaths::INTERNAL_PLAYLIST,
		PlaylistRoute::Selection::Primary, directory, context));
	registry.add("output-hls.channel", std::make_shared<PlaylistRoute>(HlsPaths::CHANNEL_PREFIX + "*",
		PlaylistRoute::Selection::ByStreamId, directory, context));
	registry.add("output-hls.segments", std::make_shared<SegmentRoute>(directory, context));
	registry.add("output-hls.live.options", std::make_shared<PreflightRoute>(HlsPaths::PRIMARY_PLAYLIST));
	registry.add("output-hls.internal-stream.options", std::make_shared<PreflightRoute>(HlsPaths::INTERNAL_PLAYLIST));
	registry.add("output-hls.channel.options", std::make_shared<PreflightRoute>(HlsPaths::CHANNEL_PREFIX + "*"));
	registry.add("output-hls.segments.options", std::make_shared<PreflightRoute>(HlsPaths::SEGMENT_PREFIX + "*"));

	context.logger().information(Poco::format(
		"FFmpeg muxer %s (%s) found; registered output 'output-hls' and GET/OPTIONS %s, %s, %s*, %s* "
		"(segments of %.1f s, %z in the playlist, %z more kept, viewers counted over %d s)",
		std::string(muxer->name), std::string(muxer->long_name ? muxer->long_name : ""), HlsPaths::PRIMARY_PLAYLIST,
		HlsPaths::INTERNAL_PLAYLIST, HlsPaths::CHANNEL_PREFIX, HlsPaths::SEGMENT_PREFIX,
		static_cast<double>(settings.segmentDuration.totalMilliseconds()) / 1000.0, settings.windowSize,
		settings.keepSegments, static_cast<int>(settings.viewerWindow.totalSeconds())));
}

void HlsPlugin::stop()
{
}

HlsSettings HlsPlugin::parseSettings(const Poco::Util::AbstractConfiguration& config)
{
	HlsSettings settings;
	settings.segmentDuration = Poco::Timespan(
		static_cast<Poco::Timespan::TimeDiff>(std::llround(decimal(config, "segmentDuration", 1, 60) * 1e6)));
	settings.windowSize = static_cast<std::size_t>(integer(config, "windowSize", 1, 1000));
	settings.keepSegments = static_cast<std::size_t>(integer(config, "keepSegments", 0, 1000));
	settings.viewerWindow = Poco::Timespan(integer(config, "viewerWindow", 1, 86400), 0);
	return settings;
}

double HlsPlugin::decimal(const Poco::Util::AbstractConfiguration& config, const std::string& key, double minimum,
	double maximum)
{
	const std::string text = config.getString(key);
	double value = 0;
	if (!Poco::NumberParser::tryParseFloat(Poco::trim(text), value) || !(value >= minimum && value <= maximum))
		throw Poco::InvalidArgumentException(
			Poco::format("setting %s must be a number of seconds from %.0f to %.0f, not '%s'", key, minimum, maximum, text));
	return value;
}

int HlsPlugin::integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, int minimum, int maximum)
{
	const std::string text = config.getString(key);
	int value = 0;
	if (!Poco::NumberParser::tryParse(Poco::trim(text), value) || value < minimum || value > maximum)
		throw Poco::InvalidArgumentException(
			Poco::format("setting %s must be an integer from %d to %d, not '%s'", key, minimum, maximum, text));
	return value;
}

} // namespace hls
} // namespace restream

RESTREAM_PLUGIN(restream::hls::HlsPlugin, "output-hls", "1.0.0",
	"Republishes live channels as HLS from memory: MPEG-TS segments cut at keyframes, sliding-window playlists")
