//
// GuideCache.h
//
// The filtered guide, kept in the state directory and rebuilt in the background.
//

#ifndef outputhdhr_GuideCache_INCLUDED
#define outputhdhr_GuideCache_INCLUDED

#include "LineupSnapshot.h"
#include "restream/Catalog.h"
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace Poco {
class Logger;
}

namespace outputhdhr {

class GuideCache
	/// The provider's XMLTV guide filtered to the lineup's channels
	/// (GuideFilter), kept as <state>/epg.xml and its gzip twin epg.xml.gz
	/// with epg.json (the lineup fingerprint it was made for, when), so a
	/// restart serves it at once. One worker thread rebuilds it, streaming
	/// from Catalog::openGuide(), when the lineup wants it and it is
	/// missing, older than ttl, or made for other guide ids (the lineup's
	/// fingerprint is checked at every catalog version: a refresh that
	/// changes no channel id does not download the guide again). The old
	/// files are served until new ones are complete (written aside, then
	/// renamed). After a failure (the provider's, a malformed guide, no
	/// guide at all) the same lineup is tried again after min(ttl, 10 min).
	///
	/// Threads: want() and read() from any thread.
	/// Lifetime: start() once; stop() ends the worker (a read blocked on
	/// the provider ends within the source's own timeout) and must be
	/// called before the catalog goes away.
{
public:
	GuideCache(restream::Catalog& catalog, const std::string& directory, Poco::Timespan ttl, Poco::Logger& logger);
	~GuideCache();
		/// Stops the worker if stop() was not called.

	void start();
	void stop();

	void want(const std::shared_ptr<const LineupSnapshot>& lineup);
		/// Says which lineup the guide is for; wakes the worker if the
		/// guide must be (re)built. Never blocks on the network.

	std::shared_ptr<const std::string> read(bool gzip) const;
		/// The last complete guide, gzipped or not; null while there is none.
		/// Reads the file (the guide is never kept in memory between requests).

private:
	bool due() const;
	void run();
	void build(const std::shared_ptr<const LineupSnapshot>& lineup);
	void failed(const std::string& fingerprint);
	void loadState();
	void saveState() const;

	restream::Catalog& _catalog;
	const std::string _plainPath;
	const std::string _gzipPath;
	const std::string _statePath;
	const Poco::Timespan _ttl;
	const Poco::Timespan _retryDelay;
	Poco::Logger& _logger;

	mutable std::mutex _mutex;
	std::condition_variable _wake;
	std::thread _worker;
	std::atomic<bool> _stop{false};
	std::shared_ptr<const LineupSnapshot> _wanted;
	bool _building = false;
	bool _built = false;
	std::string _builtFingerprint;
	Poco::Timestamp _builtAt;
	bool _failed = false;
	std::string _failedFingerprint;
	Poco::Timestamp _failedAt;
};

} // namespace outputhdhr

#endif // outputhdhr_GuideCache_INCLUDED
