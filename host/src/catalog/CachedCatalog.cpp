//
// CachedCatalog.cpp
//

#include "catalog/CachedCatalog.h"
#include "catalog/SearchText.h"
#include "logging/Redactor.h"
#include "plugins/PluginGuard.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>
#include <algorithm>
#include <exception>
#include <optional>
#include <set>

namespace restream::host {

const ChannelInfo* CachedCatalog::Snapshot::find(Poco::Int64 streamId) const
{
	auto it = indexById.find(streamId);
	return it == indexById.end() ? nullptr : &channels[it->second];
}

CachedCatalog::CachedCatalog(const Poco::Timespan& ttl, const Redactor& redactor, Poco::Logger& logger):
	_ttl(ttl),
	_redactor(redactor),
	_logger(logger)
{
}

void CachedCatalog::selectSource(const std::vector<Candidate>& sources, const std::string& preferred)
{
	for (const auto& candidate : sources)
	{
		if (!preferred.empty() && candidate.name != preferred) continue;
		_sourceName = candidate.name;
		_sourceOwner = candidate.owner;
		_source = candidate.source;
		break;
	}
	if (_source)
		_logger.information("catalog source: %s (%s)", _sourceName, guarded<std::string>("displayName", [&] { return _source->displayName(); }));
	else if (!preferred.empty())
		_logger.error("catalog.source names %s, which no running plugin provides; the catalog is empty", preferred);
	else
		_logger.information("no source plugin runs in this process: no catalog here");
}

void CachedCatalog::release()
{
	Poco::FastMutex::ScopedLock loading(_loadMutex);
	_source.reset();
	Poco::FastMutex::ScopedLock lock(_snapshotMutex);
	_snapshot.reset();
}

std::string CachedCatalog::sourceName() const
{
	return _sourceName;
}

std::string CachedCatalog::sourceOwner() const
{
	return _sourceOwner;
}

std::shared_ptr<const CachedCatalog::Snapshot> CachedCatalog::snapshot()
{
	const std::shared_ptr<const Snapshot> loaded = current();
	if (loaded && !loaded->loadedAt.isElapsed(_ttl.totalMicroseconds())) return loaded;
	try
	{
		return load(loaded ? loaded->loadedAt : Poco::Timestamp());
	}
	catch (const SourceException& exc)
	{
		if (!loaded) throw;
		_logger.warning("catalog reload failed, still serving the catalog loaded at %s: %s",
			Poco::DateTimeFormatter::format(loaded->loadedAt, Poco::DateTimeFormat::ISO8601_FORMAT), exc.displayText());
		return loaded;
	}
}

std::shared_ptr<const CachedCatalog::Snapshot> CachedCatalog::refresh()
{
	return load(Poco::Timestamp());
}

std::shared_ptr<const CachedCatalog::Snapshot> CachedCatalog::current()
{
	Poco::FastMutex::ScopedLock lock(_snapshotMutex);
	return _snapshot;
}

std::shared_ptr<const CachedCatalog::Snapshot> CachedCatalog::load(const Poco::Timestamp& olderThan)
{
	Poco::FastMutex::ScopedLock loading(_loadMutex);
	{
		// a load that finished while this one waited is fresh enough
		Poco::FastMutex::ScopedLock lock(_snapshotMutex);
		if (_snapshot && _snapshot->loadedAt > olderThan) return _snapshot;
	}
	const Poco::Timestamp started;
	const std::vector<SourceCategory> categories = guarded<std::vector<SourceCategory>>("categories", [&] { return source().categories(); });
	std::vector<SourceChannel> channels = guarded<std::vector<SourceChannel>>("channels", [&] { return source().channels(); });

	auto snapshot = std::make_shared<Snapshot>();
	std::map<std::string, std::string> categoryNames;
	for (const auto& category : categories) categoryNames[category.id] = category.name;
	std::set<std::string> numbers;
	for (const auto& channel : channels)
	{
		if (channel.number.empty() || !numbers.insert(channel.number).second)
		{
			numbers.clear();
			break;
		}
	}
	const bool providerNumbers = !numbers.empty();
	std::map<std::string, std::size_t> counts;
	snapshot->channels.reserve(channels.size());
	snapshot->foldedNames.reserve(channels.size());
	snapshot->indexById.reserve(channels.size());
	for (auto& channel : channels)
	{
		if (channel.streamId <= 0 || snapshot->indexById.count(channel.streamId)) continue;
		ChannelInfo info;
		info.streamId = channel.streamId;
		info.name = std::move(channel.name);
		info.number = providerNumbers ? channel.number : std::to_string(snapshot->channels.size() + 1);
		info.epgId = std::move(channel.epgChannelId);
		if (_redactor.redact(channel.icon) == channel.icon) info.logoUrl = std::move(channel.icon);
		info.categoryId = std::move(channel.categoryId);
		const auto category = categoryNames.find(info.categoryId);
		if (category != categoryNames.end()) info.categoryName = category->second;
		++counts[info.categoryId];
		snapshot->foldedNames.push_back(SearchText::fold(info.name));
		snapshot->indexById.emplace(info.streamId, snapshot->channels.size());
		snapshot->channels.push_back(std::move(info));
	}
	for (const auto& category : categories) snapshot->categories.push_back({category.id, category.name, counts[category.id]});
	_logger.information("catalog loaded from %s: %z categories, %z channels in %Ld ms", _sourceName, snapshot->categories.size(),
		snapshot->channels.size(), static_cast<Poco::Int64>(started.elapsed() / 1000));
	Poco::FastMutex::ScopedLock lock(_snapshotMutex);
	snapshot->version = ++_version;
	_snapshot = snapshot;
	return snapshot;
}

SourceAccount CachedCatalog::account()
{
	return guarded<SourceAccount>("account", [&] { return source().account(); });
}

std::unique_ptr<PacketProducer> CachedCatalog::openProducer(Poco::Int64 streamId)
{
	return guarded<std::unique_ptr<PacketProducer>>("openProducer", [&] { return source().openProducer(streamId); });
}

SourceInput CachedCatalog::resolve(Poco::Int64 streamId)
{
	std::shared_ptr<const Snapshot> loaded = current();
	if (!loaded) loaded = snapshot();
	if (!loaded->find(streamId)) throw SourceException(SourceException::NotFound, "No channel " + std::to_string(streamId) + " in the catalog");
	return guarded<SourceInput>("resolve", [&] { return source().resolve(streamId); });
}

std::string CachedCatalog::streamHost(Poco::Int64 streamId)
{
	try
	{
		return Poco::URI(resolve(streamId).url).getHost();
	}
	catch (const SourceException&)
	{
		return "";
	}
	catch (const Poco::SyntaxException&)
	{
		return "";
	}
}

std::vector<CatalogCategory> CachedCatalog::categories()
{
	return snapshot()->categories;
}

std::vector<ChannelInfo> CachedCatalog::channels()
{
	return snapshot()->channels;
}

bool CachedCatalog::find(Poco::Int64 streamId, ChannelInfo& channel)
{
	const auto loaded = snapshot();
	const ChannelInfo* found = loaded->find(streamId);
	if (!found) return false;
	channel = *found;
	return true;
}

std::vector<ChannelInfo> CachedCatalog::search(const std::string& query, const std::string& categoryId, std::size_t offset,
	std::size_t limit, std::size_t& total)
{
	const auto loaded = snapshot();
	Poco::StringTokenizer words(SearchText::fold(query), " \t", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	std::vector<ChannelInfo> page;
	total = 0;
	for (std::size_t index = 0; index < loaded->channels.size(); ++index)
	{
		if (!categoryId.empty() && loaded->channels[index].categoryId != categoryId) continue;
		const std::string& name = loaded->foldedNames[index];
		if (!std::all_of(words.begin(), words.end(), [&](const std::string& word) { return name.find(word) != std::string::npos; }))
			continue;
		if (total >= offset && page.size() < limit) page.push_back(loaded->channels[index]);
		++total;
	}
	return page;
}

Poco::Int64 CachedCatalog::version()
{
	return snapshot()->version;
}

std::unique_ptr<std::istream> CachedCatalog::openGuide()
{
	return guarded<std::unique_ptr<std::istream>>("openGuide", [&] { return source().openGuide(); });
}

Source& CachedCatalog::source() const
{
	if (!_source) throw SourceException(SourceException::NotConfigured, "No source is configured: set XTREAM_API_URL (or load a source plugin)");
	return *_source;
}

template <class Result, class Call>
Result CachedCatalog::guarded(const char* what, Call call) const
{
	// A SourceException is the source's answer (not found, refused, ...), passed on as it is; anything
	// else is a failure of the plugin, caught and logged the one way (PluginGuard), then answered as an
	// internal error of the source.
	std::optional<Result> result;
	std::exception_ptr answer;
	const bool returned = PluginGuard::call(_logger, _sourceOwner, std::string("Source::") + what, [&] {
		try
		{
			result.emplace(call());
		}
		catch (const SourceException&)
		{
			answer = std::current_exception();
		}
	});
	if (answer) std::rethrow_exception(answer);
	if (!returned) throw SourceException(SourceException::ProviderError, "Internal error in the source plugin " + _sourceOwner + "; see the server log");
	return std::move(*result);
}

} // namespace restream::host
