//
// PerAddressLimit.h
//

#ifndef restream_bench_PerAddressLimit_INCLUDED
#define restream_bench_PerAddressLimit_INCLUDED

#include <mutex>
#include <string>
#include <unordered_map>

namespace restream::bench {

class PerAddressLimit
	/// Counts the open connections of each client address and refuses one past the cap.
	/// Thread-safe: the I/O threads admit and release connections at once.
{
public:
	class Ticket
		/// One admitted connection; the destructor releases it. Must not outlive its PerAddressLimit.
	{
	public:
		Ticket(PerAddressLimit& limit, std::string address);
		~Ticket();
		Ticket(const Ticket&) = delete;
		Ticket& operator=(const Ticket&) = delete;

	private:
		PerAddressLimit& _limit;
		std::string _address;
	};

	explicit PerAddressLimit(unsigned maxPerAddress);
		/// 0: no cap (every connection is admitted and still counted).

	bool admit(const std::string& address);
		/// Counts one more connection of address and returns true, or returns false (nothing counted)
		/// when address has the cap already. An admitted connection is handed to a Ticket.

private:
	void release(const std::string& address);

	const unsigned _maxPerAddress;
	std::mutex _mutex;
	std::unordered_map<std::string, unsigned> _open;
};

} // namespace restream::bench

#endif // restream_bench_PerAddressLimit_INCLUDED
