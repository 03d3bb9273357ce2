//
// Catalog.h
//

#ifndef restream_host_Catalog_INCLUDED
#define restream_host_Catalog_INCLUDED

#include "plugins/ServiceRegistry.h"
#include "restream/Source.h"
#include <Poco/Mutex.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Catalog
	/// The channels of the active source, cached with a TTL so browsing never
	/// hammers the provider, and indexed for case- and accent-insensitive
	/// search. The active source is the Source named by catalog.source, or
	/// else the first one registered (plugins register in load order).
	///
	/// Loads are single-flight: while one request loads, others wait for its
	/// result instead of calling the provider again. When a TTL reload fails,
	/// the previous snapshot keeps being served (and the failure logged).
	///
	/// Threads: every method may be called concurrently. Errors: the methods
	/// that reach the source throw SourceException (a plugin's other
	/// exceptions become SourceException ProviderError, logged).
{
public:
	struct Snapshot
		/// An immutable view of the catalog at one time.
	{
		std::vector<SourceCategory> categories;
		std::vector<SourceChannel> channels;
		std::vector<std::string> foldedNames;                      /// SearchText::fold of each channel's name
		std::map<std::string, std::size_t> channelCountByCategory; /// category id -> channels in it
		std::unordered_map<Poco::Int64, std::size_t> indexById;    /// stream id -> index in channels
		Poco::Timestamp loadedAt;

		const SourceChannel* find(Poco::Int64 streamId) const;
		std::string categoryName(const std::string& categoryId) const;
	};

	Catalog(const ServiceRegistry& registry, const std::string& preferredSource, const Poco::Timespan& ttl, Poco::Logger& logger);

	std::string sourceName() const;
		/// The active source's service name, or empty.

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
		/// What to open for streamId. Throws SourceException NotFound for a
		/// channel not in the catalog.

	std::vector<std::size_t> search(const Snapshot& snapshot, const std::string& query, const std::string& categoryId) const;
		/// Indexes of the channels whose folded name contains every word of
		/// query (all channels for an empty query), optionally of one category.

private:
	std::shared_ptr<const Snapshot> load(const Poco::Timestamp& olderThan);
	Source& source() const;
	template <class Result, class Call>
	Result guarded(const char* what, Call call) const;

	std::string _sourceName;
	std::shared_ptr<Source> _source;
	const Poco::Timespan _ttl;
	Poco::Logger& _logger;
	std::shared_ptr<const Snapshot> _snapshot;
	mutable Poco::FastMutex _snapshotMutex;
	Poco::FastMutex _loadMutex;
};

} // namespace restream::host

#endif // restream_host_Catalog_INCLUDED
