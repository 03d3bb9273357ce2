//
// ReadBuffer.h
//
// A read-only stream buffer over a read function, that can look ahead.
//

#ifndef sourcextream_ReadBuffer_INCLUDED
#define sourcextream_ReadBuffer_INCLUDED

#include <functional>
#include <ios>
#include <streambuf>
#include <string>
#include <vector>

namespace sourcextream {

class ReadBuffer : public std::streambuf
	/// Gives an istream what a read function delivers, through a buffer of
	/// fixed capacity, and lets its owner look at what comes next without
	/// consuming it (peek()). Memory stays at the capacity whatever the
	/// length of the stream.
	///
	/// Threads: one thread at a time.
	/// Errors: what the read function throws goes through to the caller
	/// (an istream with badbit in its exception mask rethrows it).
{
public:
	using Read = std::function<std::streamsize(char* buffer, std::streamsize size)>;
		/// Copies at least 1 and at most size bytes into buffer and returns
		/// the count, or returns 0 at the end (and from then on).

	explicit ReadBuffer(Read read, std::size_t capacity = 64 * 1024);

	std::string peek(std::size_t count);
		/// The next count bytes (fewer only at the end), read if needed,
		/// not consumed. count must not exceed the capacity.

protected:
	int_type underflow() override;

private:
	bool fill();
		/// Appends one read to what is buffered; false at the end.

	const Read _read;
	std::vector<char> _buffer;
	bool _ended = false;
};

} // namespace sourcextream

#endif // sourcextream_ReadBuffer_INCLUDED
