//
// OwnedChannels.cpp
//

#include "plugins/OwnedChannels.h"

namespace restream::host {

OwnedChannels::OwnedChannels(HostChannels& channels, std::string owner):
	_channels(channels),
	_owner(std::move(owner))
{
}

std::vector<ChannelStatus> OwnedChannels::list() const
{
	return _channels.list();
}

bool OwnedChannels::status(Poco::Int64 streamId, ChannelStatus& status) const
{
	return _channels.status(streamId, status);
}

void OwnedChannels::start(Poco::Int64 streamId, const std::string& requestedBy)
{
	_channels.start(streamId, requestedBy);
}

bool OwnedChannels::stop(Poco::Int64 streamId, const std::string& requestedBy)
{
	return _channels.stop(streamId, requestedBy);
}

std::unique_ptr<ChannelLease> OwnedChannels::acquire(Poco::Int64 streamId, const std::string& holder)
{
	return _channels.acquire(streamId, holder);
}

int OwnedChannels::capacity() const
{
	return _channels.capacity();
}

Poco::Int64 OwnedChannels::program() const
{
	return _channels.program();
}

void OwnedChannels::setProgram(Poco::Int64 streamId, const std::string& requestedBy)
{
	_channels.setProgram(streamId, requestedBy);
}

std::unique_ptr<Subscription> OwnedChannels::subscribe(std::function<void(const ChannelEvent&)> callback)
{
	return _channels.subscribe(_owner, std::move(callback));
}

} // namespace restream::host
