//
// ContinuityStore.h
//
// The playlists' numbers, kept across restarts.
//

#ifndef outputhls_ContinuityStore_INCLUDED
#define outputhls_ContinuityStore_INCLUDED

#include <Poco/Types.h>
#include <map>
#include <mutex>
#include <string>

namespace outputhls {

class ContinuityStore
	/// Keeps, per playlist ("program", "channel-101"), numbers that no
	/// segment has used yet, so that after a restart (clean or kill -9) a
	/// playlist's media sequence and discontinuity sequence go on rising,
	/// as RFC 8216 requires of a playlist that players may still hold.
	/// Numbers are reserved in blocks: the file is written when a playlist
	/// crosses its reservation (every 1000 segments, every 100
	/// discontinuities), not at each segment. Written atomically (a
	/// temporary file, fsync, rename).
	///
	/// Threads: any; one lock. Errors: a file that cannot be written is
	/// reported by reserve() returning false; one that cannot be read counts
	/// as empty.
{
public:
	struct Numbers
	{
		Poco::UInt64 sequence = 0;       /// the next media sequence number that is free
		Poco::UInt64 discontinuity = 0;  /// the next discontinuity sequence number that is free
	};

	static const Poco::UInt64 SEQUENCE_BLOCK = 1000;
	static const Poco::UInt64 DISCONTINUITY_BLOCK = 100;

	explicit ContinuityStore(std::string path);
		/// Reads path if it exists; an empty path keeps nothing.

	bool find(const std::string& key, Numbers& numbers) const;
		/// The free numbers of key as the file had them at start; false when
		/// it had none.

	bool reserve(const std::string& key, const Numbers& upTo);
		/// Every number below upTo may be used from now on: the file says so
		/// before this returns true.

private:
	bool write() const;

	const std::string _path;
	mutable std::mutex _mutex;
	std::map<std::string, Numbers> _loaded;
	std::map<std::string, Numbers> _reserved;
};

} // namespace outputhls

#endif // outputhls_ContinuityStore_INCLUDED
