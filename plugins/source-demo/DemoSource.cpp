//
// DemoSource.cpp
//

#include "DemoSource.h"
#include "DemoProducer.h"
#include <Poco/Format.h>

namespace sourcedemo {

namespace {

std::string testPattern(int width, int height)
	/// testsrc2: colour bars, a gradient, moving squares and a frame counter.
{
	return Poco::format("testsrc2=size=%dx%d:rate=%d", width, height, DemoChannel::FRAME_RATE);
}

std::string tone(int frequency)
	/// A continuous sine at -18 dBFS.
{
	return Poco::format("sine=frequency=%d:sample_rate=48000", frequency);
}

} // namespace

DemoSource::DemoSource(const std::string& videoPreset, const std::string& clockFont):
	_videoPreset(videoPreset),
	_channels(makeChannels(clockFont))
{
}

std::vector<DemoChannel> DemoSource::makeChannels(const std::string& clockFont)
{
	// The local time, centred, as the filter renders each frame: compare it with
	// your own clock to see a player's latency. drawtext's %{localtime} expands
	// to "YYYY-MM-DD hh:mm:ss".
	const std::string clock = clockFont.empty()
		? testPattern(640, 360)
		: Poco::format("color=color=0x1d3557:size=640x360:rate=%d,"
					   "drawtext=fontfile=%s:text='%%{localtime}':fontsize=48:fontcolor=white:x=(w-tw)/2:y=(h-th)/2",
			  DemoChannel::FRAME_RATE, clockFont);
	return {
		{1, "Mire de test", "1", testPattern(640, 360), tone(1000), "800k"},
		{2, "Mire HD", "2", testPattern(1280, 720), tone(1000), "2000k"},
		{3, "Barres et tonalité", "2",
			Poco::format("smptehdbars=size=640x360:rate=%d", DemoChannel::FRAME_RATE), tone(1000), "800k"},
		{4, "Horloge", "1", clock, tone(440), "800k"},
	};
}

std::string DemoSource::displayName() const
{
	return "Demo source (synthetic channels)";
}

std::vector<restream::SourceCategory> DemoSource::categories()
{
	return {{"1", "Démo"}, {"2", "Tests"}};
}

std::vector<restream::SourceChannel> DemoSource::channels()
{
	std::vector<restream::SourceChannel> channels;
	for (const DemoChannel& channel : _channels)
	{
		restream::SourceChannel entry;
		entry.streamId = channel.streamId;
		entry.number = std::to_string(channel.streamId);
		entry.name = channel.name;
		entry.categoryId = channel.categoryId;
		channels.push_back(entry);
	}
	return channels;
}

restream::SourceAccount DemoSource::account()
{
	restream::SourceAccount account;
	account.status = "Active";
	account.message = "Demo source: synthetic channels, no provider";
	return account;
}

restream::SourceInput DemoSource::resolve(Poco::Int64 streamId)
{
	channel(streamId);
	throw restream::SourceException(restream::SourceException::NotFound,
		Poco::format("demo channel %Ld has no URL: the demo source plays in process (openProducer)", streamId));
}

std::unique_ptr<restream::PacketProducer> DemoSource::openProducer(Poco::Int64 streamId)
{
	const DemoChannel& demoChannel = channel(streamId);
	try
	{
		return std::make_unique<DemoProducer>(demoChannel, _videoPreset);
	}
	catch (const Poco::Exception& exc)
	{
		throw restream::SourceException(restream::SourceException::ProviderError,
			Poco::format("cannot play demo channel %Ld: %s", streamId, exc.message()));
	}
}

const DemoChannel& DemoSource::channel(Poco::Int64 streamId) const
{
	for (const DemoChannel& candidate : _channels)
	{
		if (candidate.streamId == streamId) return candidate;
	}
	throw restream::SourceException(restream::SourceException::NotFound, Poco::format("no demo channel %Ld", streamId));
}

} // namespace sourcedemo
