//
// TsPlugin.cpp
//

#include "TsPlugin.h"
#include "StreamRoute.h"
#include "TsOutput.h"
#include "TsPaths.h"
#include "TsResponse.h"
#include "TsSettings.h"
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

namespace outputts {

std::vector<restream::Setting> TsPlugin::settings() const
{
	return {
		restream::Setting::integer("ringSize", 8, 1, 64,
			"MiB of MPEG-TS kept per channel, from which a new viewer starts at the last keyframe: at least one GOP "
			"(4 s at 8 Mbit/s is 4 MiB)"),
		restream::Setting::seconds("startWait", "20", 1, 120,
			"Seconds a viewer of a starting channel waits for its first keyframe before 503"),
	};
}

void TsPlugin::start(restream::PluginContext& context)
{
	const Poco::Util::AbstractConfiguration& config = context.config();
	TsSettings settings;
	settings.ringSize = static_cast<std::size_t>(config.getInt("ringSize")) * 1024 * 1024;
	settings.startWait = Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(config.getDouble("startWait") * 1e6));
	const AVOutputFormat* muxer = av_guess_format("mpegts", nullptr, nullptr);
	if (!muxer) throw Poco::NotFoundException("FFmpeg has no mpegts muxer; MPEG-TS output is unavailable");

	_directory = std::make_shared<TsDirectory>(context.channels(), settings.ringSize, settings.startWait, context.logger());
	restream::Registry& registry = context.registry();
	registry.add("output-ts", std::make_shared<TsOutput>(_directory, context.logger()));
	registry.add("output-ts.program", std::make_shared<StreamRoute>(StreamRoute::Selection::Program, _directory, context.channels()));
	registry.add("output-ts.channel", std::make_shared<StreamRoute>(StreamRoute::Selection::ByStreamId, _directory, context.channels()));
	registry.add("output-ts.url",
		std::make_shared<restream::PlaybackForm>("ts", "tuner", TsPaths::PROGRAM, TsPaths::CHANNEL_FORM, TsResponse::MEDIA_TYPE));
	_timer.start(Poco::TimerCallback<TsPlugin>(*this, &TsPlugin::watch));

	context.logger().information(Poco::format(
		"FFmpeg muxer %s found; registered output 'output-ts' and GET %s, %s* on the tuner port "
		"(a ring of %z MiB per channel, viewers wait %.1f s for a starting channel)",
		std::string(muxer->name), TsPaths::PROGRAM, TsPaths::CHANNEL_PREFIX, settings.ringSize / (1024 * 1024),
		static_cast<double>(settings.startWait.totalMilliseconds()) / 1000.0));
}

void TsPlugin::stop()
{
	_timer.stop();
	_directory->closeAll();
	_directory.reset();
}

void TsPlugin::watch(Poco::Timer&)
{
	try
	{
		_directory->sweep();
	}
	catch (const std::exception&)
	{
		// out of memory: the next round tries again
	}
}

} // namespace outputts

RESTREAM_PLUGIN(outputts::TsPlugin, "output-ts", "1.0.0",
	"Serves live channels and the program as continuous MPEG-TS on the tuner port, for media centres: one muxer per channel, "
	"any number of viewers")
