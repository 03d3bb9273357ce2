//
// MemoryMuxer.cpp
//

#include "MemoryMuxer.h"
#include <Poco/Exception.h>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/mem.h>
}

namespace outputhls {

MemoryMuxer::MemoryMuxer(const std::string& formatName, const restream::ChannelFormat& format, int bufferSize)
{
	try
	{
		check(avformat_alloc_output_context2(&_context, nullptr, formatName.c_str(), nullptr), "cannot create an " + formatName + " muxer");
		for (const restream::ChannelFormat::Track& track : format.tracks)
		{
			if (!track.parameters) throw Poco::InvalidArgumentException("a track has no codec parameters");
			AVStream* stream = avformat_new_stream(_context, nullptr);
			if (!stream) throw Poco::OutOfMemoryException("avformat_new_stream");
			check(avcodec_parameters_copy(stream->codecpar, track.parameters), "cannot copy codec parameters");
			stream->codecpar->codec_tag = 0;
			stream->time_base = track.timeBase;
		}
		auto* buffer = static_cast<unsigned char*>(av_malloc(static_cast<std::size_t>(bufferSize)));
		if (!buffer) throw Poco::OutOfMemoryException("av_malloc");
		_context->pb = avio_alloc_context(buffer, bufferSize, 1, this, nullptr, &MemoryMuxer::appendBytes, nullptr);
		if (!_context->pb)
		{
			av_free(buffer);
			throw Poco::OutOfMemoryException("avio_alloc_context");
		}
	}
	catch (...)
	{
		free();
		throw;
	}
}

MemoryMuxer::~MemoryMuxer()
{
	free();
}

AVFormatContext* MemoryMuxer::context() const
{
	return _context;
}

void MemoryMuxer::flush(const std::string& what)
{
	check(av_write_frame(_context, nullptr), what);
	avio_flush(_context->pb);
	check(_context->pb->error, what);
}

std::string& MemoryMuxer::bytes()
{
	return _bytes;
}

std::string MemoryMuxer::takeBytes()
{
	std::string taken;
	taken.swap(_bytes);
	_bytes.reserve(taken.size() + taken.size() / 8);  // the next piece is about as long
	return taken;
}

void MemoryMuxer::check(int result, const std::string& what)
{
	if (result >= 0) return;
	char message[AV_ERROR_MAX_STRING_SIZE] = {};
	av_strerror(result, message, sizeof(message));
	throw Poco::IOException(what, message);
}

void MemoryMuxer::free()
{
	if (!_context) return;
	AVIOContext* io = _context->pb;
	_context->pb = nullptr;
	avformat_free_context(_context);
	_context = nullptr;
	if (io) av_freep(&io->buffer);
	avio_context_free(&io);
}

int MemoryMuxer::appendBytes(void* opaque, uint8_t* data, int size)
{
	try
	{
		static_cast<MemoryMuxer*>(opaque)->_bytes.append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
		return size;
	}
	catch (const std::bad_alloc&)
	{
		return AVERROR(ENOMEM);
	}
}

} // namespace outputhls
