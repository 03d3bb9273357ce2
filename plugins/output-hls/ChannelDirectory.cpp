//
// ChannelDirectory.cpp
//

#include "ChannelDirectory.h"
#include "HlsPaths.h"
#include <Poco/Exception.h>
#include <Poco/RandomStream.h>
#include <algorithm>

namespace restream {
namespace hls {

ChannelDirectory::ChannelDirectory(const HlsSettings& settings):
	_settings(settings)
{
}

std::shared_ptr<HlsChannel> ChannelDirectory::open(const ChannelInfo& info)
{
	std::string token = newToken();
	std::lock_guard<std::mutex> lock(_mutex);
	HlsChannel::Continuity from;
	const auto remembered = _continuity.find(info.streamId);
	if (remembered != _continuity.end()) from = remembered->second;
	for (const auto& channel : _channels)
	{
		if (channel->streamId() != info.streamId) continue;
		// a sink of the stream is still open: carry on after it too, and never reuse its token
		const HlsChannel::Continuity other = channel->continuity();
		from.nextSequence = std::max(from.nextSequence, other.nextSequence);
		from.discontinuitySequence = std::max(from.discontinuitySequence, other.discontinuitySequence);
		from.published = from.published || other.published;
		if (channel->token() == token) throw Poco::RuntimeException("random session token repeated");
	}
	auto channel = std::make_shared<HlsChannel>(info, token, from, _settings);
	_channels.push_back(channel);
	return channel;
}

void ChannelDirectory::close(const std::shared_ptr<HlsChannel>& channel)
{
	channel->close();
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = std::find(_channels.begin(), _channels.end(), channel);
	if (found == _channels.end()) return;
	_channels.erase(found);
	const HlsChannel::Continuity next = channel->continuity();
	try
	{
		HlsChannel::Continuity& remembered = _continuity[channel->streamId()];
		remembered.nextSequence = std::max(remembered.nextSequence, next.nextSequence);
		remembered.discontinuitySequence = std::max(remembered.discontinuitySequence, next.discontinuitySequence);
		remembered.published = remembered.published || next.published;
	}
	catch (const std::bad_alloc&)
	{
		// out of memory: the stream's next sink starts its numbers afresh
	}
}

std::shared_ptr<HlsChannel> ChannelDirectory::find(Poco::Int64 streamId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (auto it = _channels.rbegin(); it != _channels.rend(); ++it)
	{
		if ((*it)->streamId() == streamId) return *it;
	}
	return nullptr;
}

std::shared_ptr<HlsChannel> ChannelDirectory::find(Poco::Int64 streamId, const std::string& token) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& channel : _channels)
	{
		if (channel->streamId() == streamId && channel->token() == token) return channel;
	}
	return nullptr;
}

std::shared_ptr<HlsChannel> ChannelDirectory::primary() const
{
	Poco::Int64 streamId = 0;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		streamId = _primary;
	}
	return streamId > 0 ? find(streamId) : nullptr;
}

void ChannelDirectory::setPrimary(Poco::Int64 streamId)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_primary = streamId;
}

std::string ChannelDirectory::newToken()
{
	static const char digits[] = "0123456789abcdef";
	char bytes[HlsPaths::TOKEN_LENGTH / 2];
	Poco::RandomInputStream random;
	if (!random.read(bytes, sizeof(bytes))) throw Poco::IOException("cannot read random bytes for a segment token");
	std::string token;
	for (const char c : bytes)
	{
		const auto byte = static_cast<unsigned char>(c);
		token += digits[byte >> 4];
		token += digits[byte & 0x0F];
	}
	return token;
}

} // namespace hls
} // namespace restream
