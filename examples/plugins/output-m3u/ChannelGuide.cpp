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
	Poco::FastMutex::ScopedLock lock(_mutex);
	bool missing = false;
	for (const Poco::Int64 id : streamIds) missing = missing || _entries.find(id) == _entries.end();
	if (!_asked || _askedAt.isElapsed(_ttl.totalMicroseconds()) || (missing && _askedAt.isElapsed(MISS_RETRY))) refresh();
	std::map<Poco::Int64, Entry> found;
	for (const Poco::Int64 id : streamIds)
	{
		const auto entry = _entries.find(id);
		if (entry != _entries.end()) found[id] = entry->second;
	}
	return found;
}

void ChannelGuide::refresh()
{
	_asked = true;
	_askedAt.update();
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
		return;
	}
	try
	{
		std::map<Poco::Int64, Entry> entries;
		for (const restream::SourceChannel& channel : source->channels())
		{
			if (!channel.epgChannelId.empty() || !channel.icon.empty()) entries[channel.streamId] = {channel.epgChannelId, channel.icon};
		}
		_entries.swap(entries);
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
}

} // namespace m3uoutput
