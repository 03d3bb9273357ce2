//
// AddressLimit.h
//

#ifndef restream_host_AddressLimit_INCLUDED
#define restream_host_AddressLimit_INCLUDED

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace restream::host {

class AddressLimit
	/// Counts the open connections of one port per peer address
	/// (http.<port>.maxConnectionsPerAddress), so that one client cannot take
	/// every descriptor of the process. The caller decides which peers it
	/// counts (not trusted proxies: every viewer behind a tunnel or an edge
	/// has the proxy's address).
	///
	/// Threads: any.
{
public:
	explicit AddressLimit(std::size_t maximum);

	bool acquire(const std::string& address);
		/// Counts one more connection from address; false (and nothing
		/// counted) when it has maximum open already.

	void release(const std::string& address);
		/// One connection counted by acquire() closed.

private:
	const std::size_t _maximum;
	std::mutex _mutex;
	std::unordered_map<std::string, std::size_t> _open;
};

} // namespace restream::host

#endif // restream_host_AddressLimit_INCLUDED
