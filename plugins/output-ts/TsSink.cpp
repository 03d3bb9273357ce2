//
// TsSink.cpp
//

#include "TsSink.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace outputts {

TsSink::TsSink(std::shared_ptr<TsDirectory> directory, std::shared_ptr<TsChannel> channel, Poco::Logger& logger):
	_directory(std::move(directory)),
	_channel(std::move(channel)),
	_logger(logger),
	_muxer([this](TsRing::Chunk chunk, bool joinPoint) {
		_channel->publish(std::move(chunk), joinPoint);
		if (joinPoint) _directory->adopt(_channel);
	})
{
}

TsSink::~TsSink()
{
	end();
}

bool TsSink::begin(const restream::ChannelFormat& format)
{
	try
	{
		const int made = _muxer.muxersMade();
		_muxer.begin(format);
		if (made > 0 && _muxer.muxersMade() > made)
			_logger.information("%s: the tracks changed; the MPEG-TS goes on with a new muxer (PAT/PMT version %d)",
				_channel->streamId() == 0 ? std::string("program") : "channel " + std::to_string(_channel->streamId()),
				(_muxer.muxersMade() - 1) % 32);
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

bool TsSink::write(const AVPacket& packet)
{
	try
	{
		_muxer.write(packet);
		return true;
	}
	catch (const Poco::Exception& exc)
	{
		fail("cannot mux", exc.displayText());
	}
	catch (const std::exception& exc)
	{
		fail("cannot mux", exc.what());
	}
	return false;
}

void TsSink::end()
{
	if (_ended) return;
	_ended = true;
	_muxer.finish();
	_directory->close(_channel);
}

bool TsSink::playable() const
{
	return _channel->playable();
}

int TsSink::viewers() const
{
	return _channel->viewers();
}

Poco::UInt64 TsSink::bytesServed() const
{
	return _channel->bytesServed();
}

void TsSink::fail(const std::string& what, const std::string& cause)
{
	_logger.error("%s: %s: %s", _channel->streamId() == 0 ? std::string("program") : "channel " + std::to_string(_channel->streamId()),
		what, cause);
}

} // namespace outputts
