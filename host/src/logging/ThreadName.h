//
// ThreadName.h
//

#ifndef restream_host_ThreadName_INCLUDED
#define restream_host_ThreadName_INCLUDED

#include <string>

namespace restream::host {

class ThreadName
	/// The name the system shows for a thread of the host (top -H, perf,
	/// gdb, /proc/<pid>/task/<tid>/comm), so a busy or stuck thread can be
	/// told apart: "http-io-0", "http-api", "channel-101", ...
	/// Threads: set() names the calling thread.
{
public:
	static void set(const std::string& name);
		/// Names the calling thread; Linux keeps the first 15 bytes.
};

} // namespace restream::host

#endif // restream_host_ThreadName_INCLUDED
