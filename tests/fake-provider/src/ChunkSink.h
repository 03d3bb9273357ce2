//
// ChunkSink.h
//
// Library: fakeprovider
//
// Where a channel's encoder delivers its MPEG-TS.
//


#ifndef FakeProvider_ChunkSink_INCLUDED
#define FakeProvider_ChunkSink_INCLUDED


#include <memory>
#include <string>


namespace fakeprovider {


class ChunkSink
	/// A subscriber of a LiveChannel: a stream client's queue or an HLS segmenter.
	/// push() and close() are called on the encoder's thread (close() also on others): they must
	/// be thread-safe, never block for long and never throw.
{
public:
	using Chunk = std::shared_ptr<const std::string>;
		/// Whole 188-byte TS packets, shared between all sinks of a channel.

	virtual ~ChunkSink() = default;

	virtual void push(const Chunk& chunk) = 0;
		/// Takes the next chunk of the channel's stream.

	virtual void close() = 0;
		/// The stream ends (shutdown, encoder failure); later pushes are ignored.
};


} // namespace fakeprovider


#endif // FakeProvider_ChunkSink_INCLUDED
