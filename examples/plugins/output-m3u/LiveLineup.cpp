//
// LiveLineup.cpp
//

#include "LiveLineup.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <algorithm>

namespace m3uoutput {

namespace {

bool isWholeNumber(const std::string& text)
{
	return !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos;
}

int compareNumbers(const std::string& a, const std::string& b)
	/// <0, 0, >0 as a comes before, with or after b: whole numbers by value
	/// and before anything else, other text by its bytes.
{
	const bool wholeA = isWholeNumber(a);
	const bool wholeB = isWholeNumber(b);
	if (wholeA && wholeB)
	{
		const unsigned long long valueA = std::stoull(a);
		const unsigned long long valueB = std::stoull(b);
		return valueA < valueB ? -1 : (valueA > valueB ? 1 : 0);
	}
	if (wholeA != wholeB) return wholeA ? -1 : 1;
	return a.compare(b);
}

} // namespace

LiveLineup::LiveLineup(restream::Channels& channels, restream::Catalog& catalog, const restream::PlaybackUrls& urls,
	std::vector<std::string> formats, Poco::Logger& logger):
	_channels(channels),
	_catalog(catalog),
	_urls(urls),
	_formats(std::move(formats)),
	_logger(logger)
{
}

std::vector<LineupEntry> LiveLineup::entries(const restream::RouteRequest& request) const
{
	std::vector<LineupEntry> entries;
	const Poco::Int64 program = _channels.program();
	bool catalogAnswers = true; // once it fails, not asked again for this playlist
	for (const restream::ChannelStatus& status : _channels.list())
	{
		if (status.state != restream::ChannelStatus::State::Live) continue;
		LineupEntry entry;
		entry.channel = status.channel;
		entry.onAir = status.onAir || status.channel.streamId == program;
		if (!pickUrl(status.channel.streamId, request, entry.url)) continue;
		if (catalogAnswers)
		{
			try
			{
				restream::ChannelInfo current;
				if (_catalog.find(status.channel.streamId, current)) entry.channel = current;
			}
			catch (const Poco::Exception& exc)
			{
				// a SourceException: no catalog yet and the source cannot give one (its message carries no credentials)
				catalogAnswers = false;
				_logger.debug("the catalog cannot answer (%s): the playlist uses the running channels' own metadata", exc.displayText());
			}
		}
		entries.push_back(entry);
	}
	std::sort(entries.begin(), entries.end(), &LiveLineup::before);
	return entries;
}

bool LiveLineup::pickUrl(Poco::Int64 streamId, const restream::RouteRequest& request, restream::PlaybackUrl& url) const
{
	const std::vector<restream::PlaybackUrl> served = _urls.channel(streamId, request);
	for (const std::string& format : _formats)
	{
		const auto found = std::find_if(served.begin(), served.end(),
			[&format](const restream::PlaybackUrl& candidate) { return Poco::icompare(candidate.format, format) == 0; });
		if (found != served.end())
		{
			url = *found;
			return true;
		}
	}
	return false;
}

bool LiveLineup::before(const LineupEntry& a, const LineupEntry& b)
{
	if (a.onAir != b.onAir) return a.onAir;
	const int byNumber = compareNumbers(a.channel.number, b.channel.number);
	if (byNumber != 0) return byNumber < 0;
	const int byName = a.channel.name.compare(b.channel.name);
	if (byName != 0) return byName < 0;
	return a.channel.streamId < b.channel.streamId;
}

} // namespace m3uoutput
