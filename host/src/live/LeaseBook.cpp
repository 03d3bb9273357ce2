//
// LeaseBook.cpp
//

#include "live/LeaseBook.h"
#include "live/ChannelEngine.h"

namespace restream::host {

LeaseBook::LeaseBook(ChannelEngine& engine):
	_engine(&engine)
{
}

void LeaseBook::release(Poco::Int64 streamId, Poco::UInt64 lease)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_engine) _engine->release(streamId, lease);
}

bool LeaseBook::active(Poco::Int64 streamId, Poco::UInt64 lease)
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _engine && _engine->leaseActive(streamId, lease);
}

void LeaseBook::close()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_engine = nullptr;
}

} // namespace restream::host
