//
// LiveState.h
//

#ifndef restream_host_LiveState_INCLUDED
#define restream_host_LiveState_INCLUDED

#include <Poco/Types.h>
#include <string>
#include <vector>

namespace restream::host {

class LiveState
	/// The desired live state — the program's channel and the channels the
	/// admin pinned — kept in the state directory (live.json) so that after a
	/// restart, clean or kill -9, they come back by themselves. Channels held
	/// only by leases are not kept: their holders ask again. Written atomically:
	/// a temporary file, fsync, rename, fsync of the directory; a crash leaves
	/// the old file or the new one, never half of one.
	/// Threads: one writer at a time (the caller serialises).
{
public:
	explicit LiveState(std::string path);
		/// path empty: nothing is kept.

	void save(Poco::Int64 program, const std::vector<Poco::Int64>& pinned) const;
		/// Replaces the file. Throws Poco::FileException when it cannot.

	bool load(Poco::Int64& program, std::vector<Poco::Int64>& pinned) const;
		/// Reads the file; false when there is none. A file that cannot be
		/// parsed counts as none (logged by the caller). A file of version 1
		/// (which listed the primary among the channels) reads the same.

	const std::string& path() const;

private:
	const std::string _path;
};

} // namespace restream::host

#endif // restream_host_LiveState_INCLUDED
