//
// DripStreamBuf.h
//
// Library: fakeprovider
//
// An output stream buffer that writes one byte at a time, slowly.
//


#ifndef FakeProvider_DripStreamBuf_INCLUDED
#define FakeProvider_DripStreamBuf_INCLUDED


#include <functional>
#include <ostream>
#include <streambuf>


namespace fakeprovider {


class DripStreamBuf: public std::streambuf
	/// Unbuffered: passes every byte on to the target stream at once, flushes it, then pauses.
	/// A server that sends its answer a byte at a time. References the target, which must
	/// outlive it. Not thread-safe.
{
public:
	using Pause = std::function<bool()>;
		/// Waits between two bytes; returns true to give up (the stream then fails).

	DripStreamBuf(std::ostream& target, Pause pause);

protected:
	int overflow(int c) override;

private:
	std::ostream& _target;
	const Pause _pause;
};


} // namespace fakeprovider


#endif // FakeProvider_DripStreamBuf_INCLUDED
