//
// GuideInput.h
//
// The provider's guide as the parser reads it: counted and stoppable.
//

#ifndef outputhdhr_GuideInput_INCLUDED
#define outputhdhr_GuideInput_INCLUDED

#include <atomic>
#include <cstddef>
#include <istream>
#include <streambuf>
#include <vector>

namespace outputhdhr {

class GuideInput : public std::streambuf
	/// Reads source in 64 KiB blocks (the only guide bytes in memory at a
	/// time) and counts them; reports the end of the stream as soon as stop
	/// is set, so that a parse ends (as an incomplete document) at the next
	/// block instead of being interrupted by an exception thrown through
	/// the XML parser's C code.
	/// Threads: one reader. source and stop must outlive it.
{
public:
	GuideInput(std::istream& source, const std::atomic<bool>& stop);

	std::size_t bytesRead() const;
	bool stopped() const;
		/// True when the stream ended because stop was set.
	bool failed() const;
		/// True when source reported a read error (badbit).

protected:
	int_type underflow() override;

private:
	std::istream& _source;
	const std::atomic<bool>& _stop;
	std::vector<char> _buffer;
	std::size_t _bytesRead = 0;
	bool _stopped = false;
};

} // namespace outputhdhr

#endif // outputhdhr_GuideInput_INCLUDED
