//
// Catalog.h
//
// The host's cached catalog, as plugins read it.
//

#ifndef restream_Catalog_INCLUDED
#define restream_Catalog_INCLUDED

#include "restream/CatalogCategory.h"
#include "restream/ChannelInfo.h"
#include "restream/Version.h"
#include <Poco/Types.h>
#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace restream {

class RESTREAM_API Catalog
	/// The active source's categories and channels, cached by the host
	/// (catalog.ttl) so that reading it never hammers the provider, with
	/// full metadata and search. Outputs read channels here, never from a
	/// Source. Reached through PluginContext::catalog().
	///
	/// Threads: every method from any thread, concurrently.
	/// Errors: SourceException (kind and sentence) when there is no catalog
	/// yet and the source cannot give one; a cached catalog is served while
	/// a reload fails.
{
public:
	virtual ~Catalog() = default;

	virtual std::vector<CatalogCategory> categories() = 0;
		/// In the source's order.

	virtual std::vector<ChannelInfo> channels() = 0;
		/// Every channel, in the source's order.

	virtual bool find(Poco::Int64 streamId, ChannelInfo& channel) = 0;
		/// streamId's entry; false when the catalog has none.

	virtual std::vector<ChannelInfo> search(const std::string& query, const std::string& categoryId, std::size_t offset,
		std::size_t limit, std::size_t& total) = 0;
		/// The channels whose name contains every word of query, ignoring
		/// case and accents (all for an empty query), optionally of one
		/// category: limit of them from offset; total is the count of all.

	virtual Poco::Int64 version() = 0;
		/// Changes whenever a new catalog is loaded (for caches of derived data).

	virtual std::unique_ptr<std::istream> openGuide() = 0;
		/// The source's programme guide as an XMLTV document, streamed from
		/// the source (never whole in memory: provider guides are 50-500 MB);
		/// null when the source has no guide. The stream ends at the end of
		/// the document; a read error sets badbit. Blocks on the network:
		/// call it from a worker thread.
};

} // namespace restream

#endif // restream_Catalog_INCLUDED
