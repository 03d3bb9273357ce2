//
// LiveSink.cpp
//

#include "LiveSink.h"

namespace m3uoutput {

LiveSink::LiveSink(std::shared_ptr<LiveTable> table, const restream::ChannelInfo& channel):
	_table(std::move(table)),
	_channel(channel),
	_token(_table->newToken())
{
}

LiveSink::~LiveSink()
{
	_table->end(_token);
}

bool LiveSink::begin(const restream::ChannelFormat&)
{
	_table->begin(_token, _channel);
	return true;
}

bool LiveSink::write(const AVPacket&)
{
	return true;
}

void LiveSink::end()
{
	_table->end(_token);
}

bool LiveSink::playable() const
{
	return false;
}

int LiveSink::viewers() const
{
	return 0;
}

Poco::UInt64 LiveSink::bytesServed() const
{
	return 0;
}

} // namespace m3uoutput
