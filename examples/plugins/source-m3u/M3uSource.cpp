//
// M3uSource.cpp
//

#include "M3uSource.h"
#include <Poco/Exception.h>
#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/URI.h>

using restream::SourceException;

namespace m3usource {

namespace {

const Poco::Timestamp::TimeDiff RELOAD_AFTER = 5 * Poco::Timestamp::resolution(); // one load per catalog refresh

bool endsWith(const std::string& text, const std::string& suffix)
{
	return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

M3uSource::M3uSource(std::unique_ptr<PlaylistLoader> loader, const PlaylistCredentials& credentials, const std::string& format,
	const std::string& userAgent, Poco::Logger& logger):
	_loader(std::move(loader)),
	_credentials(credentials),
	_format(format),
	_userAgent(userAgent),
	_logger(logger)
{
}

std::string M3uSource::displayName() const
{
	return "M3U playlist " + _loader->describe();
}

std::vector<restream::SourceCategory> M3uSource::categories()
{
	return playlist(true)->categories();
}

std::vector<restream::SourceChannel> M3uSource::channels()
{
	const std::shared_ptr<const M3uPlaylist> current = playlist(true);
	std::vector<restream::SourceChannel> channels;
	channels.reserve(current->entries().size());
	std::size_t logosDropped = 0;
	for (const M3uEntry& entry : current->entries())
	{
		restream::SourceChannel channel;
		channel.streamId = entry.streamId;
		channel.name = entry.name;
		channel.number = entry.number; // the host numbers by position unless every channel has a distinct one
		if (!entry.tvgLogo.empty() && _credentials.appearIn(entry.tvgLogo))
			++logosDropped;
		else
			channel.icon = entry.tvgLogo;
		channel.categoryId = entry.categoryId;
		channel.epgChannelId = entry.tvgId;
		channels.push_back(channel);
	}
	if (logosDropped > 0) _logger.debug("%z logos with the playlist's credentials dropped", logosDropped);
	return channels;
}

restream::SourceAccount M3uSource::account()
{
	const std::shared_ptr<const M3uPlaylist> current = playlist(false);
	restream::SourceAccount account;
	account.status = "Active";
	account.message = Poco::format("M3U playlist: %z channels", current->entries().size());
	return account;
}

restream::SourceInput M3uSource::resolve(Poco::Int64 streamId)
{
	const std::shared_ptr<const M3uPlaylist> current = playlist(false);
	const M3uEntry* entry = current->find(streamId);
	if (!entry) throw SourceException(SourceException::NotFound, Poco::format("no channel %Ld in the M3U playlist", streamId));
	restream::SourceInput input;
	input.url = entry->url;
	input.format = formatOf(entry->url);
	if (!_userAgent.empty()) input.headers["User-Agent"] = _userAgent;
	return input;
}

std::string M3uSource::formatOf(const std::string& url) const
{
	if (_format != "auto") return _format;
	std::string path;
	try
	{
		path = Poco::toLower(Poco::URI(url).getPath());
	}
	catch (const Poco::SyntaxException&)
	{
		return "mpegts";
	}
	return endsWith(path, ".m3u8") || endsWith(path, ".m3u") ? "hls" : "mpegts";
}

std::shared_ptr<const M3uPlaylist> M3uSource::playlist(bool fresh)
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (_playlist && (!fresh || !_loadedAt.isElapsed(RELOAD_AFTER))) return _playlist;
	}
	Poco::FastMutex::ScopedLock loading(_loadMutex);
	{
		// another thread may have loaded it while this one waited
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (_playlist && !_loadedAt.isElapsed(RELOAD_AFTER)) return _playlist;
	}
	const Poco::Timestamp started;
	std::shared_ptr<const M3uPlaylist> loaded;
	try
	{
		loaded = std::make_shared<const M3uPlaylist>(M3uPlaylist::parse(_loader->load()));
	}
	catch (const Poco::DataFormatException& exc)
	{
		throw SourceException(SourceException::NotAPanel, "the playlist from " + _loader->describe() + " is " + exc.message());
	}
	_logger.information("M3U playlist from %s: %z channels in %z groups (%z entries skipped) in %Ld ms", _loader->describe(),
		loaded->entries().size(), loaded->categories().size(), loaded->skipped(), started.elapsed() / 1000);
	Poco::FastMutex::ScopedLock lock(_mutex);
	_playlist = loaded;
	_loadedAt.update();
	return _playlist;
}

} // namespace m3usource
