//
// TsRing.h
//
// The last megabytes of a channel's MPEG-TS, which all its viewers read.
//

#ifndef outputts_TsRing_INCLUDED
#define outputts_TsRing_INCLUDED

#include <Poco/Types.h>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace outputts {

class TsRing
	/// A bounded ring of MPEG-TS chunks (each a whole number of 188-byte
	/// packets, immutable and shared: a viewer's connection queues the same
	/// string the ring holds, never a copy). Chunks are numbered from 0 in
	/// the order appended; the oldest are dropped once the ring holds more
	/// than its capacity in bytes (the newest chunk always stays).
	///
	/// A chunk appended as a join point starts with a PAT, then the PMT,
	/// then a video keyframe: where a new viewer starts so that its picture
	/// comes at once. The ring remembers the newest join point it holds.
	///
	/// A reader is a cursor (the number of the next chunk it wants): read()
	/// hands it every chunk from there on, or says it fell a whole ring
	/// behind (its next chunk was dropped): such a reader cannot go on
	/// without a gap and is dropped.
	///
	/// Threads: none of its own; the owner locks (TsChannel).
	/// Errors: std::bad_alloc only.
{
public:
	using Chunk = std::shared_ptr<const std::string>;

	enum class Read
	{
		Ok,     /// the cursor now points after the newest chunk
		Overrun /// the cursor's chunk was dropped: the reader is a whole ring behind
	};

	explicit TsRing(std::size_t capacity);
		/// capacity in bytes.

	void append(Chunk chunk, bool joinPoint);
		/// Adds chunk (ignored when null or empty) and drops the oldest
		/// chunks beyond the capacity.

	bool joinPoint(Poco::UInt64& sequence) const;
		/// The number of the newest join point still held; false when none is.

	Read read(Poco::UInt64& cursor, std::vector<Chunk>& chunks) const;
		/// Appends to chunks every chunk from cursor on and moves cursor past
		/// the newest. A cursor beyond the newest chunk reads nothing.

	Poco::UInt64 first() const;
		/// The number of the oldest chunk held (next() when empty).

	Poco::UInt64 next() const;
		/// The number the next appended chunk gets.

	std::size_t bytes() const;
	std::size_t capacity() const;

private:
	struct Entry
	{
		Chunk chunk;
		bool joinPoint = false;
	};

	const std::size_t _capacity;
	std::deque<Entry> _entries;
	Poco::UInt64 _first = 0;
	std::size_t _bytes = 0;
	bool _haveJoinPoint = false;
	Poco::UInt64 _joinPoint = 0;
};

} // namespace outputts

#endif // outputts_TsRing_INCLUDED
