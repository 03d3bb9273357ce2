//
// Catalog.cpp
//

#include "catalog/Catalog.h"
#include "catalog/SearchText.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <exception>

namespace restream::host {

const SourceChannel* Catalog::Snapshot::find(Poco::Int64 streamId) const
{
	auto it = indexById.find(streamId);
	return it == indexById.end() ? nullptr : &channels[it->second];
}

std::string Catalog::Snapshot::categoryName(const std::string& categoryId) const
{
	for (const auto& category : categories)
	{
		if (category.id == categoryId) return category.name;
	}
	return "";
}

Catalog::Catalog(const ServiceRegistry& registry, const std::string& preferredSource, const Poco::Timespan& ttl, Poco::Logger& logger):
	_ttl(ttl),
	_logger(logger)
{
	for (const auto& entry : registry.entries())
	{
		auto source = std::dynamic_pointer_cast<Source>(entry.service);
		if (!source || (!preferredSource.empty() && entry.name != preferredSource)) continue;
		_sourceName = entry.name;
		_source = source;
		break;
	}
	if (_source)
		_logger.information("catalog source: %s (%s)", _sourceName, guarded<std::string>("displayName", [&] { return _source->displayName(); }));
	else if (!preferredSource.empty())
		_logger.error("catalog.source names %s, which no running plugin provides; the catalog is empty", preferredSource);
	else
		_logger.warning("no source plugin is running; the catalog is empty");
}

std::string Catalog::sourceName() const
{
	return _sourceName;
}

std::shared_ptr<const Catalog::Snapshot> Catalog::snapshot()
{
	std::shared_ptr<const Snapshot> current;
	{
		Poco::FastMutex::ScopedLock lock(_snapshotMutex);
		current = _snapshot;
	}
	if (current && !current->loadedAt.isElapsed(_ttl.totalMicroseconds())) return current;
	try
	{
		return load(current ? current->loadedAt : Poco::Timestamp());
	}
	catch (const SourceException& exc)
	{
		if (!current) throw;
		_logger.warning("catalog reload failed, still serving the catalog loaded at %s: %s",
			Poco::DateTimeFormatter::format(current->loadedAt, Poco::DateTimeFormat::ISO8601_FORMAT), exc.displayText());
		return current;
	}
}

std::shared_ptr<const Catalog::Snapshot> Catalog::refresh()
{
	return load(Poco::Timestamp());
}

std::shared_ptr<const Catalog::Snapshot> Catalog::load(const Poco::Timestamp& olderThan)
{
	Poco::FastMutex::ScopedLock loading(_loadMutex);
	{
		// a load that finished while this one waited is fresh enough
		Poco::FastMutex::ScopedLock lock(_snapshotMutex);
		if (_snapshot && _snapshot->loadedAt > olderThan) return _snapshot;
	}
	const Poco::Timestamp started;
	auto snapshot = std::make_shared<Snapshot>();
	snapshot->categories = guarded<std::vector<SourceCategory>>("categories", [&] { return source().categories(); });
	snapshot->channels = guarded<std::vector<SourceChannel>>("channels", [&] { return source().channels(); });
	snapshot->foldedNames.reserve(snapshot->channels.size());
	snapshot->indexById.reserve(snapshot->channels.size());
	for (std::size_t index = 0; index < snapshot->channels.size(); ++index)
	{
		const SourceChannel& channel = snapshot->channels[index];
		snapshot->foldedNames.push_back(SearchText::fold(channel.name));
		snapshot->indexById.emplace(channel.streamId, index);
		++snapshot->channelCountByCategory[channel.categoryId];
	}
	_logger.information("catalog loaded from %s: %z categories, %z channels in %Ld ms", _sourceName, snapshot->categories.size(),
		snapshot->channels.size(), static_cast<Poco::Int64>(started.elapsed() / 1000));
	Poco::FastMutex::ScopedLock lock(_snapshotMutex);
	_snapshot = snapshot;
	return snapshot;
}

SourceAccount Catalog::account()
{
	return guarded<SourceAccount>("account", [&] { return source().account(); });
}

std::unique_ptr<PacketProducer> Catalog::openProducer(Poco::Int64 streamId)
{
	return guarded<std::unique_ptr<PacketProducer>>("openProducer", [&] { return source().openProducer(streamId); });
}

SourceInput Catalog::resolve(Poco::Int64 streamId)
{
	if (!snapshot()->find(streamId)) throw SourceException(SourceException::NotFound, "No channel " + std::to_string(streamId) + " in the catalog");
	return guarded<SourceInput>("resolve", [&] { return source().resolve(streamId); });
}

std::vector<std::size_t> Catalog::search(const Snapshot& snapshot, const std::string& query, const std::string& categoryId) const
{
	Poco::StringTokenizer words(SearchText::fold(query), " \t", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	std::vector<std::size_t> found;
	for (std::size_t index = 0; index < snapshot.channels.size(); ++index)
	{
		if (!categoryId.empty() && snapshot.channels[index].categoryId != categoryId) continue;
		const std::string& name = snapshot.foldedNames[index];
		if (std::all_of(words.begin(), words.end(), [&](const std::string& word) { return name.find(word) != std::string::npos; }))
			found.push_back(index);
	}
	return found;
}

Source& Catalog::source() const
{
	if (!_source) throw SourceException(SourceException::NotConfigured, "No source is configured: set XTREAM_API_URL (or load a source plugin)");
	return *_source;
}

template <class Result, class Call>
Result Catalog::guarded(const char* what, Call call) const
{
	try
	{
		return call();
	}
	catch (const SourceException&)
	{
		throw;
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("plugin source %s failed in %s: %s", _sourceName, std::string(what), exc.displayText());
	}
	catch (const std::exception& exc)
	{
		_logger.error("plugin source %s failed in %s: %s", _sourceName, std::string(what), std::string(exc.what()));
	}
	catch (...)
	{
		_logger.error("plugin source %s failed in %s: unknown exception", _sourceName, std::string(what));
	}
	throw SourceException(SourceException::ProviderError, "Internal error in the source plugin " + _sourceName + "; see the server log");
}

} // namespace restream::host
