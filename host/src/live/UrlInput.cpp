//
// UrlInput.cpp
//

#include "live/UrlInput.h"
#include "live/UpstreamException.h"
#include "logging/FfmpegLog.h"
#include "restream/ChannelErrors.h"
#include <Poco/Timestamp.h>
#include <algorithm>
#include <optional>
#include <string>

extern "C" {
#include <libavutil/dict.h>
#include <libavutil/error.h>
}

namespace restream::host {

namespace {

const long long bitRateWindow = 3000000; // µs over which the bit rate is measured
const long long connectBurst = 5000000;  // µs of media a provider may send at once on connecting, allowed in the first window
const int formatProbeBytes = 65536;      // bytes in which FFmpeg's format probe must recognise MPEG-TS (it needs a few KB)

class Dictionary
	/// An AVDictionary freed on scope exit.
{
public:
	~Dictionary()
	{
		av_dict_free(&_entries);
	}

	void set(const char* key, const std::string& value)
	{
		av_dict_set(&_entries, key, value.c_str(), 0);
	}

	AVDictionary** address()
	{
		return &_entries;
	}

private:
	AVDictionary* _entries = nullptr;
};

} // namespace

UrlInput::UrlInput(const SourceInput& input, const UrlInputOptions& options, const std::atomic<bool>& stopRequested):
	_stopRequested(stopRequested)
{
	const bool hls = input.format == "hls";
	const AVInputFormat* demuxer = av_find_input_format(hls ? "hls" : "mpegts");
	if (!demuxer) throw UpstreamException("FFmpeg lacks the " + input.format + " demuxer", AVERROR_DEMUXER_NOT_FOUND);

	Dictionary settings;
	if (!hls)
	{
		// Forced, the MPEG-TS demuxer resyncs on bytes that are not MPEG-TS until the progress deadline;
		// probed within the first formatProbeBytes and whitelisted, it refuses them at once.
		settings.set("format_whitelist", "mpegts");
		settings.set("formatprobesize", std::to_string(formatProbeBytes));
		demuxer = nullptr;
	}
	settings.set("protocol_whitelist", "http,https,tcp,tls,crypto");
	settings.set("rw_timeout", std::to_string(options.readTimeout.totalMicroseconds()));
	settings.set("max_redirects", std::to_string(options.maxRedirects));
	settings.set("probesize", std::to_string(options.probeSize));
	settings.set("analyzeduration", std::to_string(options.analyzeDuration.totalMicroseconds()));
	settings.set("scan_all_pmts", "0");
	settings.set("reconnect", "0");
	std::string headers;
	for (const auto& header : input.headers)
	{
		if (header.first == "User-Agent")
			settings.set("user_agent", header.second);
		else
			headers += header.first + ": " + header.second + "\r\n";
	}
	if (!headers.empty()) settings.set("headers", headers);

	_audioBitRate = options.audioBitRate;
	_maxBitRate = options.maxBitRate;
	_maxPictureBytes = options.maxPictureBytes;
	_windowStart = Poco::Timestamp().epochMicroseconds();
	_readTimeout = options.readTimeout;
	_progressAllowance = 2 * options.readTimeout.totalMicroseconds();
	_progressDeadline = Poco::Timestamp().epochMicroseconds() + _progressAllowance + options.analyzeDuration.totalMicroseconds();
	_context = avformat_alloc_context();
	if (!_context) throw UpstreamException("out of memory", AVERROR(ENOMEM));
	_context->interrupt_callback.callback = &UrlInput::interruptCallback;
	_context->interrupt_callback.opaque = this;
	int result = avformat_open_input(&_context, input.url.c_str(), demuxer, settings.address());
	if (result < 0)
	{
		_context = nullptr; // freed by avformat_open_input on failure
		if (_tooLarge) throw UpstreamException(_tooLargeReason, AVERROR(E2BIG));
		if (_noProgress) throw UpstreamException(describe(AVERROR_INVALIDDATA), AVERROR_INVALIDDATA);
		if (result == AVERROR(EIO)) throw UpstreamException("cannot open the channel: the connection failed or was redirected too many times", result);
		if (!hls && result == AVERROR(EINVAL)) result = AVERROR_INVALIDDATA; // the probe named a demuxer off the whitelist
		throw UpstreamException("cannot open the channel: " + describe(result), result);
	}
	try
	{
		{
			const FfmpegLog::Joining joining;
			result = avformat_find_stream_info(_context, nullptr);
		}
		if (_tooLarge) throw UpstreamException(_tooLargeReason, AVERROR(E2BIG));
		if (_noProgress) result = AVERROR_INVALIDDATA;
		if (result < 0) throw UpstreamException("cannot read the channel's streams: " + describe(result), result);
		selectTracks();
	}
	catch (...)
	{
		avformat_close_input(&_context);
		throw;
	}
}

UrlInput::~UrlInput()
{
	for (AVPacket* packet : _pending) av_packet_free(&packet);
	_transcoder.reset();
	avformat_close_input(&_context);
}

void UrlInput::selectTracks()
{
	_videoIndex = av_find_best_stream(_context, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
	if (_videoIndex < 0) throw UpstreamException("the channel has no video track", AVERROR_STREAM_NOT_FOUND);
	_audioIndex = av_find_best_stream(_context, AVMEDIA_TYPE_AUDIO, -1, _videoIndex, nullptr, 0);
	for (unsigned index = 0; index < _context->nb_streams; ++index)
	{
		if (static_cast<int>(index) != _videoIndex && static_cast<int>(index) != _audioIndex)
			_context->streams[index]->discard = AVDISCARD_ALL;
	}
	_lastDts.assign(_context->nb_streams, AV_NOPTS_VALUE);
	_wrapOffset.assign(_context->nb_streams, 0);

	const AVStream* video = _context->streams[_videoIndex];
	_format.tracks.push_back(ChannelFormat::Track{video->codecpar, video->time_base});
	if (_audioIndex < 0) return;
	const AVStream* audio = _context->streams[_audioIndex];
	if (audio->codecpar->codec_id == AV_CODEC_ID_AAC)
	{
		_format.tracks.push_back(ChannelFormat::Track{audio->codecpar, audio->time_base});
		return;
	}
	try
	{
		_transcoder.reset(new AudioTranscoder(*audio->codecpar, audio->time_base, _audioBitRate));
		_format.tracks.push_back(ChannelFormat::Track{&_transcoder->parameters(), _transcoder->timeBase()});
	}
	catch (const Poco::Exception&)
	{
		// no usable audio: the channel plays without it rather than not at all
		_context->streams[_audioIndex]->discard = AVDISCARD_ALL;
		_audioIndex = -1;
	}
}

const ChannelFormat& UrlInput::format() const
{
	return _format;
}

int UrlInput::read(AVPacket& packet)
{
	for (;;)
	{
		if (!_pending.empty())
		{
			AVPacket* next = _pending.front();
			_pending.pop_front();
			av_packet_move_ref(&packet, next);
			av_packet_free(&next);
			return 0;
		}
		std::optional<FfmpegLog::Joining> joining;
		if (!_joined) joining.emplace();
		const int result = av_read_frame(_context, &packet);
		if (result < 0)
		{
			if (_interrupted || _stopRequested) return AVERROR_EXIT;
			if (_tooLarge) return AVERROR(E2BIG);
			return _noProgress ? AVERROR_INVALIDDATA : result;
		}
		_progressDeadline = Poco::Timestamp().epochMicroseconds() + _progressAllowance;
		_deliveredBytes += packet.size;
		if (packet.stream_index == _videoIndex) _bytesAtPicture = receivedBytes();
		if (!withinBounds())
		{
			av_packet_unref(&packet);
			return AVERROR(E2BIG);
		}
		if (packet.stream_index == _videoIndex)
		{
			_joined = _joined || (packet.flags & AV_PKT_FLAG_KEY);
			unwrap(packet, *_context->streams[_videoIndex]);
			packet.stream_index = 0;
			return 0;
		}
		if (packet.stream_index != _audioIndex)
		{
			av_packet_unref(&packet);
			continue;
		}
		unwrap(packet, *_context->streams[_audioIndex]);
		packet.stream_index = 1;
		if (!_transcoder) return 0;
		_transcoder->send(packet);
		av_packet_unref(&packet);
		for (;;)
		{
			AVPacket* encoded = av_packet_alloc();
			if (!encoded) return AVERROR(ENOMEM);
			if (_transcoder->receive(*encoded) < 0)
			{
				av_packet_free(&encoded);
				break;
			}
			encoded->stream_index = 1;
			_pending.push_back(encoded);
		}
	}
}

void UrlInput::unwrap(AVPacket& packet, const AVStream& stream)
{
	// MPEG-TS timestamps wrap every 2^33 ticks (26.5 hours): keep them rising
	const int bits = stream.pts_wrap_bits > 0 && stream.pts_wrap_bits < 63 ? stream.pts_wrap_bits : 33;
	const long long wrap = 1LL << bits;
	const auto index = static_cast<std::size_t>(packet.stream_index);
	const long long raw = packet.dts != AV_NOPTS_VALUE ? packet.dts : packet.pts;
	if (raw == AV_NOPTS_VALUE) return;
	long long& last = _lastDts[index];
	if (last != AV_NOPTS_VALUE)
	{
		const long long previousRaw = last - _wrapOffset[index];
		if (previousRaw - raw > wrap / 2) _wrapOffset[index] += wrap;          // wrapped forward
		else if (raw - previousRaw > wrap / 2 && _wrapOffset[index] >= wrap) _wrapOffset[index] -= wrap; // late packet from before a wrap
	}
	if (packet.dts != AV_NOPTS_VALUE) packet.dts += _wrapOffset[index];
	if (packet.pts != AV_NOPTS_VALUE)
	{
		packet.pts += _wrapOffset[index];
		// a pts just past the wrap while its dts is not (B-frames): keep pts >= dts
		if (packet.dts != AV_NOPTS_VALUE && packet.dts - packet.pts > wrap / 2) packet.pts += wrap;
	}
	last = raw + _wrapOffset[index];
}

void UrlInput::interrupt()
{
	_interrupted = true;
}

long long UrlInput::receivedBytes() const
{
	const long long read = _context && _context->pb ? _context->pb->bytes_read : 0;
	return std::max(read, _deliveredBytes);
}

bool UrlInput::withinBounds()
{
	if (_tooLarge) return false;
	const long long received = receivedBytes();
	if (received - _bytesAtPicture > _maxPictureBytes)
	{
		_tooLargeReason = "the provider sent more than " + std::to_string(_maxPictureBytes / (1024 * 1024)) +
			" MiB without a complete picture (a broken or hostile stream)";
		_tooLarge = true;
		return false;
	}
	const long long now = Poco::Timestamp().epochMicroseconds();
	const long long window = _firstWindow ? bitRateWindow + connectBurst : bitRateWindow;
	if (received - _bytesAtWindowStart > static_cast<long long>(_maxBitRate) / 8 * window / 1000000)
	{
		_tooLargeReason = "the provider's stream is above " + std::to_string(_maxBitRate / 1000000) + " Mbit/s (live.maxBitRate)";
		_tooLarge = true;
		return false;
	}
	if (now - _windowStart >= bitRateWindow)
	{
		_firstWindow = false;
		_windowStart = now;
		_bytesAtWindowStart = received;
	}
	return true;
}

int UrlInput::interruptCallback(void* opaque)
{
	auto* input = static_cast<UrlInput*>(opaque);
	if (input->_interrupted.load() || input->_stopRequested.load()) return 1;
	if (!input->withinBounds()) return 1;
	if (Poco::Timestamp().epochMicroseconds() > input->_progressDeadline.load())
	{
		input->_noProgress = true; // bytes may flow, but nothing playable comes of them
		return 1;
	}
	return 0;
}

std::string UrlInput::describe(int error) const
{
	if (error == AVERROR(ETIMEDOUT)) return "no data from the provider for " + std::to_string(_readTimeout.totalSeconds()) + " s";
	if (error == AVERROR(E2BIG) && _tooLarge) return _tooLargeReason;
	return sentence(error);
}

std::string UrlInput::errorCode(int error) const
{
	return code(error);
}

std::string UrlInput::code(int error)
{
	switch (error)
	{
	case AVERROR_HTTP_NOT_FOUND: return ChannelErrors::UPSTREAM_NOT_FOUND;
	case AVERROR_HTTP_FORBIDDEN:
	case AVERROR_HTTP_UNAUTHORIZED:
	case AVERROR_HTTP_BAD_REQUEST:
	case AVERROR_HTTP_OTHER_4XX:
	case AVERROR_HTTP_SERVER_ERROR: return ChannelErrors::UPSTREAM_REFUSED;
	case AVERROR_INVALIDDATA:
	case AVERROR_STREAM_NOT_FOUND:
	case AVERROR_DEMUXER_NOT_FOUND: return ChannelErrors::NOT_A_STREAM;
	case AVERROR_EOF: return ChannelErrors::STREAM_ENDED;
	default: break;
	}
	if (error == AVERROR(ETIMEDOUT)) return ChannelErrors::NO_DATA;
	if (error == AVERROR(ECONNREFUSED) || error == AVERROR(EHOSTUNREACH) || error == AVERROR(ENETUNREACH)) return ChannelErrors::PROVIDER_UNREACHABLE;
	if (error == AVERROR(ENOMEM) || error == AVERROR(E2BIG)) return ChannelErrors::TOO_LARGE;
	return ChannelErrors::UPSTREAM_ERROR;
}

std::string UrlInput::sentence(int error)
{
	switch (error)
	{
	case AVERROR_HTTP_FORBIDDEN: return "the provider refused the stream (HTTP 403: connection limit reached or access denied)";
	case AVERROR_HTTP_UNAUTHORIZED: return "the provider refused the login (HTTP 401)";
	case AVERROR_HTTP_NOT_FOUND: return "the provider has no such stream (HTTP 404)";
	case AVERROR_HTTP_BAD_REQUEST: return "the provider refused the request (HTTP 400)";
	case AVERROR_HTTP_OTHER_4XX: return "the provider refused the request (HTTP 4xx)";
	case AVERROR_HTTP_SERVER_ERROR: return "the provider failed (HTTP 5xx)";
	case AVERROR_INVALIDDATA: return "the provider sent data that is not a playable stream";
	case AVERROR_EOF: return "the provider ended the stream";
	case AVERROR_EXIT: return "stopped";
	default: break;
	}
	if (error == AVERROR(ETIMEDOUT)) return "no data from the provider in time";
	if (error == AVERROR(EIO)) return "the connection to the provider was lost";
	if (error == AVERROR(ECONNRESET)) return "the provider closed the connection";
	if (error == AVERROR(ECONNREFUSED)) return "the provider refused the connection";
	char text[AV_ERROR_MAX_STRING_SIZE] = {0};
	av_strerror(error, text, sizeof(text));
	return text;
}

} // namespace restream::host
