//
// StateDirectory.h
//

#ifndef restream_host_StateDirectory_INCLUDED
#define restream_host_StateDirectory_INCLUDED

#include <string>

namespace restream::host {

class StateDirectory
	/// Where what must survive a restart lives (key state.dir, environment
	/// RESTREAM_STATE_DIR). Default: /var/lib/restream when it can be written
	/// (or created), else ~/.local/state/restream. The path is made absolute
	/// at start (ServerApplication --daemon changes to /) and created with
	/// mode 0700; each plugin gets <dir>/plugins/<name>, also 0700.
{
public:
	static std::string resolve(const std::string& configured);
		/// Returns the absolute state directory for the configured value
		/// (empty: the default), creating it. Throws Poco::FileException with
		/// the path when it cannot be created or written.

	static std::string ensure(const std::string& path);
		/// Creates path (and parents) if needed, sets mode 0700, checks it is
		/// a writable directory. Returns path. Throws Poco::FileException.
};

} // namespace restream::host

#endif // restream_host_StateDirectory_INCLUDED
