//
// HlsSink.cpp
//

#include "HlsSink.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace outputhls {

HlsSink::HlsSink(std::shared_ptr<ChannelDirectory> directory, std::shared_ptr<HlsChannel> channel, const HlsSettings& settings,
	Poco::Logger& logger, Published published):
	_directory(std::move(directory)),
	_channel(std::move(channel)),
	_logger(logger),
	_segmenter(settings.segmentDuration, [this, published](Segment&& segment) {
		_channel->publish(std::move(segment), _ended);
		if (published) published(_channel->streamId());
	}),
	_cmafSegmenter(!settings.lowLatency ? nullptr
		: std::make_unique<CmafSegmenter>(settings.segmentDuration, settings.partDuration, [this, published](Part&& part) {
			_channel->lowLatency().publish(std::move(part));
			if (published) published(_channel->streamId());
		}))
{
}

HlsSink::~HlsSink()
{
	end();
}

bool HlsSink::begin(const restream::ChannelFormat& format)
{
	_lowLatencyFailed = false;
	lowLatency([this, &format] { _cmafSegmenter->begin(format); }, "cannot begin the low-latency rendition");
	try
	{
		_segmenter.begin(format);
		return true;
	}
	catch (const Poco::Exception& exc)
	{
		fail("cannot begin", exc.displayText());
	}
	catch (const std::exception& exc)
	{
		fail("cannot begin", exc.what());
	}
	return false;
}

bool HlsSink::write(const AVPacket& packet)
{
	lowLatency([this, &packet] { _cmafSegmenter->write(packet); }, "cannot cut low-latency parts");
	try
	{
		_segmenter.write(packet);
		return true;
	}
	catch (const Poco::Exception& exc)
	{
		fail("cannot segment", exc.displayText());
	}
	catch (const std::exception& exc)
	{
		fail("cannot segment", exc.what());
	}
	return false;
}

void HlsSink::end()
{
	if (_ended) return;
	_ended = true; // the open segment, completed now, is the last one
	lowLatency([this] { _cmafSegmenter->finish(); }, "cannot complete the last part");
	try
	{
		_segmenter.finish();
	}
	catch (const Poco::Exception& exc)
	{
		fail("cannot complete the last segment", exc.displayText());
	}
	catch (const std::exception& exc)
	{
		fail("cannot complete the last segment", exc.what());
	}
	_directory->end(_channel);
}

bool HlsSink::playable() const
{
	return _channel->playable();
}

int HlsSink::viewers() const
{
	return _channel->viewers();
}

Poco::UInt64 HlsSink::bytesServed() const
{
	return _channel->bytesServed();
}

void HlsSink::lowLatency(const std::function<void()>& step, const std::string& what)
{
	if (!_cmafSegmenter || _lowLatencyFailed) return;
	try
	{
		step();
		return;
	}
	catch (const Poco::Exception& exc)
	{
		fail(what, exc.displayText());
	}
	catch (const std::exception& exc)
	{
		fail(what, exc.what());
	}
	_lowLatencyFailed = true;
	_cmafSegmenter->close();
}

void HlsSink::fail(const std::string& what, const std::string& cause)
{
	_logger.error("channel %?d: %s: %s", _channel->streamId(), what, cause);
}

} // namespace outputhls
