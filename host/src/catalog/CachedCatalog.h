//
// CachedCatalog.h
//

#ifndef restream_host_CachedCatalog_INCLUDED
#define restream_host_CachedCatalog_INCLUDED

#include "restream/Catalog.h"
#include "restream/Source.h"
#include <Poco/Mutex.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Redactor;

class CachedCatalog : public Catalog
	/// The channels of the active source (restream::Catalog), cached with a
	/// TTL so browsing never hammers the provider, and indexed for case- and
	/// accent-insensitive search. The active source is the Source named by
	/// catalog.source, or else the first one registered (plugins register
	/// in load order).
	///
	/// Loads are single-flight: while one request loads, others wait for its
	/// result instead of calling the provider again. When a TTL reload fails,
	/// the previous snapshot keeps being served (and the failure logged).
	/// What the engine asks to open a channel (resolve(), openProducer())
	/// never reloads an expired catalog: a reconnect never waits for one.
	///
	/// Each channel gets a number: the provider's when every channel has a
	/// distinct one, else its position. A logo URL that would carry a
	/// credential (the host's redaction changes it) is dropped.
	///
	/// Threads: every method may be called concurrently. Errors: the methods
	/// that reach the source throw SourceException (a plugin's other
	/// exceptions are logged with the plugin and the call, and become
	/// SourceException ProviderError).
{
public:
	struct Snapshot
		/// An immutable view of the catalog at one time.
	{
		std::vector<CatalogCategory> categories;
		std::vector<ChannelInfo> channels;
		std::vector<std::string> foldedNames;                   /// SearchText::fold of each channel's name
		std::unordered_map<Poco::Int64, std::size_t> indexById; /// stream id -> index in channels
		Poco::Timestamp loadedAt;
		Poco::Int64 version = 0;

		const ChannelInfo* find(Poco::Int64 streamId) const;
	};

	struct Candidate
		/// A registered source.
	{
		std::string name;  /// its service name
		std::string owner; /// the plugin that registered it
		std::shared_ptr<Source> source;
	};

	CachedCatalog(const Poco::Timespan& ttl, const Redactor& redactor, Poco::Logger& logger);

	void selectSource(const std::vector<Candidate>& sources, const std::string& preferred);
		/// Chooses the active source, once every plugin has started: the one
		/// named preferred, else the first. Logs which, or why none.

	void release();
		/// Drops the source and the cached catalog (shutdown, before plugins stop).

	std::string sourceName() const;
		/// The active source's service name, or empty.

	std::string sourceOwner() const;
		/// The plugin that registered it, for the log.

	std::shared_ptr<const Snapshot> snapshot();
		/// The cached snapshot, loaded first if there is none or its TTL passed.

	std::shared_ptr<const Snapshot> refresh();
		/// Loads a new snapshot now (waits for a load under way instead of
		/// starting a second one).

	SourceAccount account();
		/// The account's facts, fetched from the source now.

	std::unique_ptr<PacketProducer> openProducer(Poco::Int64 streamId);
		/// The source's own producer of streamId's packets, or null when the
		/// source gives a URL to open instead (resolve()).

	SourceInput resolve(Poco::Int64 streamId);
		/// What to open for streamId, from the catalog loaded (loaded only
		/// if there is none). Throws SourceException NotFound for a channel
		/// not in it.

	std::string streamHost(Poco::Int64 streamId);
		/// The host name of the URL resolve() gives for streamId: where the
		/// provider is. Empty when it gives none (a source that makes the
		/// packets itself, an unknown channel, an account the provider
		/// refuses). The URL, which carries credentials, stays inside.

	// Catalog
	std::vector<CatalogCategory> categories() override;
	std::vector<ChannelInfo> channels() override;
	bool find(Poco::Int64 streamId, ChannelInfo& channel) override;
	std::vector<ChannelInfo> search(const std::string& query, const std::string& categoryId, std::size_t offset, std::size_t limit,
		std::size_t& total) override;
	Poco::Int64 version() override;
	std::unique_ptr<std::istream> openGuide() override;

private:
	std::shared_ptr<const Snapshot> load(const Poco::Timestamp& olderThan);
	std::shared_ptr<const Snapshot> current();
	Source& source() const;
	template <class Result, class Call>
	Result guarded(const char* what, Call call) const;

	const Poco::Timespan _ttl;
	const Redactor& _redactor;
	Poco::Logger& _logger;
	std::string _sourceName;
	std::string _sourceOwner;
	std::shared_ptr<Source> _source;
	std::shared_ptr<const Snapshot> _snapshot;
	Poco::Int64 _version = 0;
	mutable Poco::FastMutex _snapshotMutex;
	Poco::FastMutex _loadMutex;
};

} // namespace restream::host

#endif // restream_host_CachedCatalog_INCLUDED
