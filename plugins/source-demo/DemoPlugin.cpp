//
// DemoPlugin.cpp
//

#include "DemoPlugin.h"
#include "DemoSource.h"
#include "restream/PluginContext.h"
#include "restream/PluginDescriptor.h"
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <algorithm>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
}

namespace sourcedemo {

namespace {

const std::vector<std::string> X264_PRESETS = {
	"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"};

} // namespace

std::vector<restream::Setting> DemoPlugin::settings() const
{
	using restream::Setting;
	return {
		Setting::text("videoPreset", "veryfast",
			"libx264's speed preset for the demo channels: ultrafast (least CPU) ... veryslow."),
		Setting::text("clockFont", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
			"The font file (TrueType) of the clock channel; without it, the channel shows a test pattern."),
	};
}

void DemoPlugin::start(restream::PluginContext& context)
{
	const std::string preset = context.config().getString("videoPreset");
	if (std::find(X264_PRESETS.begin(), X264_PRESETS.end(), preset) == X264_PRESETS.end())
		throw Poco::InvalidArgumentException(
			"setting videoPreset must be one of libx264's presets (ultrafast ... veryslow), not '" + preset + "'");
	for (const char* encoder : {"libx264", "aac"})
	{
		if (!avcodec_find_encoder_by_name(encoder))
			throw Poco::NotFoundException(std::string("FFmpeg has no ") + encoder + " encoder: the demo channels cannot play");
	}

	const std::string font = clockFont(context.config().getString("clockFont"), context.logger());
	context.registry().add("source-demo", std::make_shared<DemoSource>(preset, font));
	context.logger().information("4 synthetic channels, H.264 (libx264 preset %s) and AAC, encoded when played", preset);
}

void DemoPlugin::stop()
{
}

std::string DemoPlugin::clockFont(const std::string& fontFile, Poco::Logger& logger)
{
	std::string missing;
	if (!avfilter_get_by_name("drawtext"))
		missing = "FFmpeg has no drawtext filter (built without libfreetype)";
	else if (fontFile.empty() || !Poco::File(fontFile).exists())
		missing = "there is no font file '" + fontFile + "' (setting clockFont)";
	else if (fontFile.find_first_of(":,;'\\[]=") != std::string::npos)
		missing = "the font file's path '" + fontFile + "' has a character special to filter graphs";

	if (!missing.empty())
	{
		logger.warning("channel 4 (Horloge) shows a test pattern instead of the time: %s", missing);
		return "";
	}
	logger.information("channel 4 (Horloge) shows the local time, drawn with %s", fontFile);
	return fontFile;
}

} // namespace sourcedemo

RESTREAM_PLUGIN(sourcedemo::DemoPlugin, "source-demo", "1.0.0",
	"Synthetic live channels (test patterns, bars, a clock) encoded in process: plays with no IPTV provider")
