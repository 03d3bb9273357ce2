//
// ChannelDirectory.cpp
//

#include "ChannelDirectory.h"
#include "HlsPaths.h"
#include <Poco/Exception.h>
#include <Poco/RandomStream.h>
#include <algorithm>

namespace outputhls {

ChannelDirectory::ChannelDirectory(const HlsSettings& settings):
	_settings(settings),
	_store(std::make_shared<ContinuityStore>(settings.stateDirectory.empty() ? "" : settings.stateDirectory + "/continuity.json"))
{
}

std::shared_ptr<HlsChannel> ChannelDirectory::open(Poco::Int64 streamId)
{
	const std::string token = newToken();
	const std::string key = keyOf(streamId);
	std::vector<std::shared_ptr<HlsChannel>> expired; // closed outside the lock
	std::shared_ptr<HlsChannel> channel;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		pruneLocked(expired);
		HlsChannel::Continuity from;
		from.nextSequence = FIRST_SEQUENCE;
		const auto remembered = _continuity.find(streamId);
		ContinuityStore::Numbers stored;
		if (remembered != _continuity.end())
		{
			from = remembered->second;
		}
		else if (_store->find(key, stored))
		{
			// the first sink since a restart: after every number used before it
			from.nextSequence = std::max(from.nextSequence, stored.sequence);
			from.discontinuitySequence = stored.discontinuity;
			from.published = true;
		}
		for (const auto& other : _channels)
		{
			if (other->streamId() != streamId) continue;
			// a sink of the playlist is still listed: carry on after it too, and never reuse its token
			from.carryOnAfter(other->continuity());
			if (other->token() == token) throw Poco::RuntimeException("random session token repeated");
		}
		channel = std::make_shared<HlsChannel>(streamId, key, token, from, _settings, _store);
		_channels.push_back(channel);
	}
	for (const auto& old : expired) old->close();
	return channel;
}

void ChannelDirectory::end(const std::shared_ptr<HlsChannel>& channel)
{
	channel->end();
	std::lock_guard<std::mutex> lock(_mutex);
	try
	{
		rememberLocked(*channel);
	}
	catch (const std::bad_alloc&)
	{
		// out of memory: the playlist's next sink starts from the store's numbers
	}
}

std::shared_ptr<HlsChannel> ChannelDirectory::find(Poco::Int64 streamId)
{
	std::vector<std::shared_ptr<HlsChannel>> expired;
	std::shared_ptr<HlsChannel> found;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		pruneLocked(expired);
		for (auto it = _channels.rbegin(); it != _channels.rend() && !(found && !found->ended()); ++it)
		{
			if ((*it)->streamId() != streamId) continue;
			if (!found || !(*it)->ended()) found = *it;
		}
	}
	for (const auto& old : expired) old->close();
	return found;
}

std::shared_ptr<HlsChannel> ChannelDirectory::find(Poco::Int64 streamId, const std::string& token)
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& channel : _channels)
	{
		if (channel->streamId() == streamId && channel->token() == token && !channel->expired(_settings.endedGrace)) return channel;
	}
	return nullptr;
}

void ChannelDirectory::pruneLocked(std::vector<std::shared_ptr<HlsChannel>>& expired)
{
	for (auto it = _channels.begin(); it != _channels.end();)
	{
		if ((*it)->expired(_settings.endedGrace))
		{
			rememberLocked(**it);
			expired.push_back(*it);
			it = _channels.erase(it);
		}
		else
		{
			++it;
		}
	}
}

void ChannelDirectory::rememberLocked(const HlsChannel& channel)
{
	_continuity[channel.streamId()].carryOnAfter(channel.continuity());
}

std::string ChannelDirectory::keyOf(Poco::Int64 streamId)
{
	return streamId == 0 ? "program" : "channel-" + std::to_string(streamId);
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

} // namespace outputhls

