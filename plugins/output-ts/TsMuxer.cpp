//
// TsMuxer.cpp
//

#include "TsMuxer.h"
#include "TsPacket.h"
#include <Poco/Exception.h>
#include <algorithm>
#include <cstring>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/mathematics.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
}

namespace outputts {

namespace {

const int IO_BUFFER_SIZE = static_cast<int>(TsPacket::SIZE) * 64;
const std::size_t BATCH_BYTES = TsPacket::SIZE * 64; // a viewer is woken per chunk: ~10 times a second at 1 Mbit/s, not per packet
const Poco::Int64 LONGEST_MAX_DELAY = 100000; // microseconds
const int TABLE_VERSIONS = 32;                // tables_version is 5 bits

bool sameExtradata(const AVCodecParameters& a, const AVCodecParameters& b)
{
	if (a.extradata_size != b.extradata_size) return false;
	return a.extradata_size == 0 || std::memcmp(a.extradata, b.extradata, static_cast<std::size_t>(a.extradata_size)) == 0;
}

} // namespace

TsMuxer::TsMuxer(Listener listener):
	_listener(std::move(listener))
{
}

TsMuxer::~TsMuxer()
{
	freeMuxer();
	freeParameters();
	av_packet_free(&_packet);
}

void TsMuxer::begin(const restream::ChannelFormat& format)
{
	if (format.tracks.empty() || !format.tracks.front().parameters ||
		format.tracks.front().parameters->codec_type != AVMEDIA_TYPE_VIDEO)
		throw Poco::InvalidArgumentException("the channel's first track must be video");
	for (const auto& track : format.tracks)
	{
		if (!track.parameters) throw Poco::InvalidArgumentException("a track has no codec parameters");
	}
	if (!_packet && !(_packet = av_packet_alloc())) throw Poco::OutOfMemoryException("av_packet_alloc");
	_timeBases.clear();
	for (const auto& track : format.tracks) _timeBases.push_back(track.timeBase);
	if (_muxer && compatible(format))
	{
		flush(); // the last run's held-back audio goes before the new run's first keyframe
		return;
	}
	finish();
	try
	{
		keepParameters(format);
		openMuxer(format);
	}
	catch (...)
	{
		freeMuxer();
		throw;
	}
}

void TsMuxer::write(const AVPacket& packet)
{
	if (!_muxer) throw Poco::IllegalStateException("packet written before begin()");
	if (packet.stream_index < 0 || static_cast<std::size_t>(packet.stream_index) >= _timeBases.size())
		throw Poco::InvalidArgumentException("packet of an unknown track", std::to_string(packet.stream_index));
	const bool keyframe = packet.stream_index == 0 && (packet.flags & AV_PKT_FLAG_KEY);
	if (!_started)
	{
		if (!keyframe) return; // a new stream starts with a picture that decodes on its own
		startMuxer(av_rescale_q(packet.dts == AV_NOPTS_VALUE ? 0 : packet.dts, _timeBases.front(), AV_TIME_BASE_Q));
	}
	if (keyframe)
	{
		check(av_opt_set(_muxer->priv_data, "mpegts_flags", "+resend_headers", 0), "cannot set mpegts_flags");
		emit(false, true); // what came before the picture goes first: the join point's chunk starts at the picture's own PAT
	}
	check(av_packet_ref(_packet, &packet), "cannot reference a packet");
	av_packet_rescale_ts(_packet, _timeBases[static_cast<std::size_t>(packet.stream_index)],
		_muxer->streams[packet.stream_index]->time_base);
	const int result = av_write_frame(_muxer, _packet);
	av_packet_unref(_packet);
	check(result, "cannot mux a packet");
	avio_flush(_muxer->pb);
	check(_muxer->pb->error, "cannot write MPEG-TS");
	emit(keyframe, keyframe);
}

void TsMuxer::finish()
{
	try
	{
		flush();
	}
	catch (const Poco::Exception&)
	{
		// the held-back audio is lost; the muxer goes anyway
	}
	catch (const std::bad_alloc&)
	{
		// likewise
	}
	freeMuxer();
}

int TsMuxer::muxersMade() const
{
	return _muxersMade;
}

bool TsMuxer::compatible(const restream::ChannelFormat& format) const
{
	if (format.tracks.size() != _parameters.size()) return false;
	for (std::size_t i = 0; i < _parameters.size(); ++i)
	{
		const AVCodecParameters& was = *_parameters[i];
		const AVCodecParameters& now = *format.tracks[i].parameters;
		if (was.codec_type != now.codec_type || was.codec_id != now.codec_id || !sameExtradata(was, now)) return false;
		if (now.codec_type == AVMEDIA_TYPE_AUDIO &&
			(was.sample_rate != now.sample_rate || was.ch_layout.nb_channels != now.ch_layout.nb_channels))
			return false;
	}
	return true;
}

void TsMuxer::openMuxer(const restream::ChannelFormat& format)
{
	check(avformat_alloc_output_context2(&_muxer, nullptr, "mpegts", nullptr), "cannot create an MPEG-TS muxer");
	for (const restream::ChannelFormat::Track& track : format.tracks)
	{
		AVStream* stream = avformat_new_stream(_muxer, nullptr);
		if (!stream) throw Poco::OutOfMemoryException("avformat_new_stream");
		check(avcodec_parameters_copy(stream->codecpar, track.parameters), "cannot copy codec parameters");
		stream->codecpar->codec_tag = 0;
		stream->time_base = track.timeBase;
	}
	auto* buffer = static_cast<unsigned char*>(av_malloc(IO_BUFFER_SIZE));
	if (!buffer) throw Poco::OutOfMemoryException("av_malloc");
	_muxer->pb = avio_alloc_context(buffer, IO_BUFFER_SIZE, 1, this, nullptr, &TsMuxer::appendBytes, nullptr);
	if (!_muxer->pb)
	{
		av_free(buffer);
		throw Poco::OutOfMemoryException("avio_alloc_context");
	}
	++_muxersMade;
}

void TsMuxer::startMuxer(Poco::Int64 firstDts)
{
	// the PCR leads the DTS by max_delay: never so far that it would be negative
	_muxer->max_delay = static_cast<int>(std::min(std::max<Poco::Int64>(firstDts, 0), LONGEST_MAX_DELAY));
	_muxer->avoid_negative_ts = AVFMT_AVOID_NEG_TS_DISABLED;
	AVDictionary* options = nullptr;
	av_dict_set(&options, "mpegts_copyts", "1", 0);
	if (_muxersMade > 1)
	{
		// a new muxer on the same PIDs: its counters restart, and its tables must read as new ones
		av_dict_set(&options, "mpegts_flags", "+initial_discontinuity", 0);
		av_dict_set_int(&options, "tables_version", (_muxersMade - 1) % TABLE_VERSIONS, 0);
	}
	const int result = avformat_write_header(_muxer, &options);
	av_dict_free(&options);
	check(result, "cannot start the MPEG-TS muxer");
	_started = true;
}

void TsMuxer::flush()
{
	if (!_muxer || !_started) return;
	check(av_write_frame(_muxer, nullptr), "cannot flush the MPEG-TS muxer");
	avio_flush(_muxer->pb);
	check(_muxer->pb->error, "cannot write MPEG-TS");
	emit(false, true);
}

void TsMuxer::emit(bool keyframe, bool now)
{
	const std::size_t whole = _bytes.size() - _bytes.size() % TsPacket::SIZE;
	if (whole == 0 || (!now && whole < BATCH_BYTES)) return;
	std::size_t join = keyframe ? TsPacket::findUnitStart(_bytes, TsPacket::PAT_PID) : std::string::npos;
	if (join >= whole) join = std::string::npos;
	const std::size_t plainEnd = join == std::string::npos ? whole : join;
	if (plainEnd > 0) _listener(std::make_shared<const std::string>(_bytes, 0, plainEnd), false);
	if (join != std::string::npos) _listener(std::make_shared<const std::string>(_bytes, join, whole - join), true);
	_bytes.erase(0, whole);
}

void TsMuxer::freeMuxer()
{
	if (_muxer)
	{
		AVIOContext* io = _muxer->pb;
		_muxer->pb = nullptr;
		avformat_free_context(_muxer);
		_muxer = nullptr;
		if (io) av_freep(&io->buffer);
		avio_context_free(&io);
	}
	_started = false;
	_bytes.clear();
}

void TsMuxer::keepParameters(const restream::ChannelFormat& format)
{
	freeParameters();
	for (const auto& track : format.tracks)
	{
		AVCodecParameters* copy = avcodec_parameters_alloc();
		if (!copy) throw Poco::OutOfMemoryException("avcodec_parameters_alloc");
		_parameters.push_back(copy);
		check(avcodec_parameters_copy(copy, track.parameters), "cannot copy codec parameters");
	}
}

void TsMuxer::freeParameters()
{
	for (AVCodecParameters*& parameters : _parameters) avcodec_parameters_free(&parameters);
	_parameters.clear();
}

void TsMuxer::check(int result, const std::string& what)
{
	if (result >= 0) return;
	char message[AV_ERROR_MAX_STRING_SIZE] = {};
	av_strerror(result, message, sizeof(message));
	throw Poco::IOException(what, message);
}

int TsMuxer::appendBytes(void* opaque, uint8_t* data, int size)
{
	try
	{
		static_cast<TsMuxer*>(opaque)->_bytes.append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
		return size;
	}
	catch (const std::bad_alloc&)
	{
		return AVERROR(ENOMEM);
	}
}

} // namespace outputts
