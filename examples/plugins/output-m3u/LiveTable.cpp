//
// LiveTable.cpp
//

#include "LiveTable.h"
#include <algorithm>

namespace m3uoutput {

LiveTable::Token LiveTable::newToken()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _nextToken++;
}

void LiveTable::begin(Token token, const restream::ChannelInfo& channel)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_sinks[token] = channel;
}

void LiveTable::end(Token token)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_sinks.erase(token);
}

void LiveTable::setPrimary(Poco::Int64 streamId)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_primary = streamId;
}

std::vector<restream::ChannelInfo> LiveTable::live() const
{
	std::vector<restream::ChannelInfo> channels;
	Poco::Int64 primary = 0;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		primary = _primary;
		for (const auto& sink : _sinks)
		{
			const bool listed = std::any_of(channels.begin(), channels.end(),
				[&](const restream::ChannelInfo& channel) { return channel.streamId == sink.second.streamId; });
			if (!listed) channels.push_back(sink.second);
		}
	}
	std::sort(channels.begin(), channels.end(), [primary](const restream::ChannelInfo& a, const restream::ChannelInfo& b) {
		if ((a.streamId == primary) != (b.streamId == primary)) return a.streamId == primary;
		return a.streamId < b.streamId;
	});
	return channels;
}

} // namespace m3uoutput
