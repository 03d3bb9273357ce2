//
// ChannelGuide.cpp
//

#include "ChannelGuide.h"
#include "restream/PluginContext.h"
#include "restream/Source.h"
#include <Poco/Logger.h>
#include <exception>

namespace m3uoutput {

namespace {

const Poco::Timestamp::TimeDiff MISS_RETRY = 60 * Poco::Timestamp::resolution();

} // namespace

ChannelGuide::ChannelGuide(const restream::PluginContext& context, const std::string& sourceName, Poco::Timespan ttl):
	_context(context),
	_sourceName(sourceName),
	_ttl(ttl)
{
}

std::map<Poco::Int64, ChannelGuide::Entry> ChannelGuide::lookup(const std::vector<Poco::Int64>& streamIds)
{
	bool ask = false;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		bool missing = false;
		for (const Poco::Int64 id : streamIds) missing = missing || _entries.find(id) == _entries.end();
		ask = !_asking && (!_asked || _askedAt.isElapsed(_ttl.totalMicroseconds()) || (missing && _askedAt.isElapsed(MISS_RETRY)));
		if (ask)
		{
			_asking = true;
			_asked = true;
			_askedAt.update();
		}
	}
	if (ask)
	{
		// the source may take seconds: other requests meanwhile use the entries known so far
		std::map<Poco::Int64, Entry> fetched;
		const bool answered = fetch(fetched);
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (answered) _entries.swap(fetched);
		_asking = false;
	}
	std::map<Poco::Int64, Entry> found;
	Poco::FastMutex::ScopedLock lock(_mutex);
	for (const Poco::Int64 id : streamIds)
	{
		const auto entry = _entries.find(id);
		if (entry != _entries.end()) found[id] = entry->second;
	}
	return found;
}

bool ChannelGuide::fetch(std::map<Poco::Int64, Entry>& entries) const
{
	try
	{
		std::shared_ptr<restream::Source> source;
		if (_sourceName.empty())
		{
			const auto sources = _context.registry().findAll<restream::Source>();
			if (!sources.empty()) source = sources.front();
		}
		else
		{
			source = _context.registry().find<restream::Source>(_sourceName);
		}
		if (!source)
		{
			_context.logger().warning("no source service%s to read tvg-id and logos from", _sourceName.empty() ? "" : " " + _sourceName);
			return false;
		}
		// every channel, even without tvg-id and logo: a channel missing from the map is one the source does not know
		for (const restream::SourceChannel& channel : source->channels()) entries[channel.streamId] = {channel.epgChannelId, channel.icon};
		return true;
	}
	catch (const std::exception& exc)
	{
		// SourceException messages carry no credentials by contract; the logger redacts anyway
		_context.logger().warning("cannot read the channel guide from the source: %s", std::string(exc.what()));
	}
	catch (...)
	{
		_context.logger().warning("cannot read the channel guide from the source: unknown error");
	}
	return false;
}

} // namespace m3uoutput
