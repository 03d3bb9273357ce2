//
// FrameClock.cpp
//
// Library: fakeprovider
//


#include "fakeprovider/FrameClock.h"
#include <cstring>
extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
}


namespace fakeprovider {


namespace {


const int CELLS = FrameClock::ROWS * FrameClock::COLUMNS;
const int ROW_DIVISOR = 27; // a cell is 2/27 of the height: square in 16:9
const Poco::Int64 CLOCK_PERIOD = Poco::Int64(1) << FrameClock::CLOCK_BITS;
const int DARKEST_WHITE = 170; // a cell's mean luma between these two is neither black nor white
const int BRIGHTEST_BLACK = 80;


struct Cell
{
	int x0, x1, y0, y1;
};


Cell cellAt(int index, int width, int height)
{
	const int row = index / FrameClock::COLUMNS;
	const int column = index % FrameClock::COLUMNS;
	return {column * width / FrameClock::COLUMNS, (column + 1) * width / FrameClock::COLUMNS,
		row * 2 * height / ROW_DIVISOR, (row + 1) * 2 * height / ROW_DIVISOR};
}


std::uint64_t wordOf(Poco::Int64 unixMs)
	/// The 48 bits of the strip: the low 40 bits of the clock, then the check byte.
{
	const std::uint64_t clock = static_cast<std::uint64_t>(unixMs) & static_cast<std::uint64_t>(CLOCK_PERIOD - 1);
	std::uint64_t check = FrameClock::CHECK_XOR;
	for (int i = 0; i < FrameClock::CLOCK_BITS / 8; ++i) check ^= (clock >> (8 * i)) & 0xFF;
	return (clock << 8) | check;
}


} // namespace


void FrameClock::stamp(AVFrame& frame, Poco::Int64 unixMs)
{
	const std::uint64_t word = wordOf(unixMs);
	for (int i = 0; i < CELLS; ++i)
	{
		const bool one = (word >> (CELLS - 1 - i)) & 1;
		const Cell cell = cellAt(i, frame.width, frame.height);
		for (int y = cell.y0; y < cell.y1; ++y)
		{
			std::memset(frame.data[0] + static_cast<std::ptrdiff_t>(y) * frame.linesize[0] + cell.x0, one ? LUMA_WHITE : LUMA_BLACK,
				static_cast<std::size_t>(cell.x1 - cell.x0));
		}
	}
	const int stripHeight = cellAt(CELLS - 1, frame.width, frame.height).y1;
	for (int plane = 1; plane <= 2; ++plane)
	{
		for (int y = 0; y < (stripHeight + 1) / 2; ++y)
		{
			std::memset(frame.data[plane] + static_cast<std::ptrdiff_t>(y) * frame.linesize[plane], 128, static_cast<std::size_t>((frame.width + 1) / 2));
		}
	}
}


bool FrameClock::read(const AVFrame& frame, Poco::Int64 nowMs, Poco::Int64& unixMs)
{
	const AVPixFmtDescriptor* pFormat = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame.format));
	if (!pFormat || (pFormat->flags & AV_PIX_FMT_FLAG_RGB) || pFormat->comp[0].depth != 8 || pFormat->comp[0].step != 1) return false;
	return read(frame.data[0], frame.linesize[0], frame.width, frame.height, nowMs, unixMs);
}


bool FrameClock::read(const std::uint8_t* luma, int lineSize, int width, int height, Poco::Int64 nowMs, Poco::Int64& unixMs)
{
	if (!luma || width < 4 * COLUMNS || height < 2 * ROW_DIVISOR) return false;
	std::uint64_t word = 0;
	for (int i = 0; i < CELLS; ++i)
	{
		// The middle half of the cell: its edges blur under compression and scaling.
		const Cell cell = cellAt(i, width, height);
		const int marginX = (cell.x1 - cell.x0) / 4;
		const int marginY = (cell.y1 - cell.y0) / 4;
		long sum = 0;
		long count = 0;
		for (int y = cell.y0 + marginY; y < cell.y1 - marginY; ++y)
		{
			const std::uint8_t* pRow = luma + static_cast<std::ptrdiff_t>(y) * lineSize;
			for (int x = cell.x0 + marginX; x < cell.x1 - marginX; ++x) sum += pRow[x];
			count += cell.x1 - cell.x0 - 2 * marginX;
		}
		const long mean = sum / count;
		if (mean > BRIGHTEST_BLACK && mean < DARKEST_WHITE) return false;
		word = (word << 1) | (mean >= DARKEST_WHITE ? 1 : 0);
	}
	const Poco::Int64 clock = static_cast<Poco::Int64>(word >> 8);
	if (wordOf(clock) != word) return false;
	Poco::Int64 behind = (nowMs - clock) & (CLOCK_PERIOD - 1);
	if (behind >= CLOCK_PERIOD / 2) behind -= CLOCK_PERIOD;
	unixMs = nowMs - behind;
	return true;
}


} // namespace fakeprovider
