//
// FrameClock.h
//
// Library: fakeprovider
//
// The wall clock burned into every video frame, and its decoder.
//


#ifndef FakeProvider_FrameClock_INCLUDED
#define FakeProvider_FrameClock_INCLUDED


#include "Poco/Types.h"
#include <cstdint>


struct AVFrame;


namespace fakeprovider {


class FrameClock
	/// A machine-readable wall clock in the picture, for latency measurements: the encoder writes
	/// the Unix time in milliseconds at which it encodes each frame into a strip along the top.
	///
	/// Layout, in fractions of the picture so that it survives scaling: ROWS x COLUMNS cells, cell
	/// (row r, column c) spans x from c*W/24 to (c+1)*W/24 and y from r*2H/27 to (r+1)*2H/27 (square
	/// cells in 16:9; 13x13 px at 320x180). Each cell is black (luma 16) or white (luma 235, a one
	/// bit), chroma neutral. Cells in reading order (row 0 left to right, then row 1) carry 48 bits,
	/// most significant first: the low 40 bits of the Unix time in ms, then a check byte, the XOR
	/// of the five bytes of those 40 bits XOR 0xA5.
	///
	/// Stateless; every function is thread-safe.
{
public:
	static constexpr int COLUMNS = 24;
	static constexpr int ROWS = 2;
	static constexpr int CLOCK_BITS = 40;
	static constexpr int CHECK_XOR = 0xA5;
	static constexpr int LUMA_BLACK = 16;
	static constexpr int LUMA_WHITE = 235;

	static void stamp(AVFrame& frame, Poco::Int64 unixMs);
		/// Draws the clock into a writable yuv420p frame.

	static bool read(const AVFrame& frame, Poco::Int64 nowMs, Poco::Int64& unixMs);
		/// Decodes the clock from a decoded frame's luma plane (any planar YUV with 8-bit luma).
		/// nowMs (a Unix time in ms near the frame's, e.g. the time of decoding) restores the bits
		/// above the 40 carried: unixMs is the value nearest nowMs with those low 40 bits.
		/// Returns false, unixMs untouched, if the strip is not there (a cell neither clearly black
		/// nor clearly white, or a wrong check byte).

	static bool read(const std::uint8_t* luma, int lineSize, int width, int height, Poco::Int64 nowMs, Poco::Int64& unixMs);
		/// The same from a bare 8-bit luma plane.
};


} // namespace fakeprovider


#endif // FakeProvider_FrameClock_INCLUDED
