//
// ScriptedSource.cpp
//

#include "ScriptedSource.h"
#include "restream/PacketProducer.h"
#include <algorithm>
#include <atomic>
#include <thread>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/error.h>
}

namespace restream::test {

namespace {

class ScriptedProducer : public PacketProducer
	/// Plays one session of a script.
{
public:
	ScriptedProducer(ScriptedSource& source, ScriptedSource::Session session):
		_source(source),
		_session(std::move(session))
	{
		_format.tracks.push_back({&source.video(), AVRational{1, 90000}});
		_format.tracks.push_back({&source.audio(), AVRational{1, 90000}});
	}

	~ScriptedProducer() override
	{
		_source.producerEnded();
	}

	const ChannelFormat& format() const override
	{
		return _format;
	}

	int read(AVPacket& packet) override
	{
		if (_interrupted) return AVERROR_EXIT;
		if (_next < _session.packets.size())
		{
			const ScriptedPacket& scripted = _session.packets[_next++];
			if (av_new_packet(&packet, 100) < 0) return AVERROR(ENOMEM);
			packet.stream_index = scripted.track;
			packet.dts = _session.wrap33 ? scripted.dts % ScriptedSource::ptsWrap : scripted.dts;
			packet.pts = _session.wrap33 ? scripted.pts % ScriptedSource::ptsWrap : scripted.pts;
			packet.flags = scripted.keyframe ? AV_PKT_FLAG_KEY : 0;
			return 0;
		}
		switch (_session.ending)
		{
		case ScriptedSource::Ending::EndOfStream: return AVERROR_EOF;
		case ScriptedSource::Ending::Error: return AVERROR(EIO);
		case ScriptedSource::Ending::Block: break;
		}
		std::unique_lock<std::mutex> lock(_mutex);
		_wakeUp.wait(lock, [this] { return _interrupted.load(); });
		return AVERROR_EXIT;
	}

	void interrupt() override
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_interrupted = true;
		_wakeUp.notify_all();
	}

private:
	ScriptedSource& _source;
	const ScriptedSource::Session _session;
	ChannelFormat _format;
	std::size_t _next = 0;
	std::atomic<bool> _interrupted{false};
	std::mutex _mutex;
	std::condition_variable _wakeUp;
};

} // namespace

ScriptedSource::ScriptedSource(int channels):
	_channels(channels),
	_video(avcodec_parameters_alloc()),
	_audio(avcodec_parameters_alloc())
{
	_video->codec_type = AVMEDIA_TYPE_VIDEO;
	_video->codec_id = AV_CODEC_ID_H264;
	_video->width = 320;
	_video->height = 180;
	_audio->codec_type = AVMEDIA_TYPE_AUDIO;
	_audio->codec_id = AV_CODEC_ID_AAC;
	_audio->sample_rate = 48000;
}

ScriptedSource::~ScriptedSource()
{
	avcodec_parameters_free(&_video);
	avcodec_parameters_free(&_audio);
}

void ScriptedSource::script(Poco::Int64 streamId, std::vector<Session> sessions)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_scripts[streamId] = std::move(sessions);
}

int ScriptedSource::opens(Poco::Int64 streamId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _opens.find(streamId);
	return found == _opens.end() ? 0 : found->second;
}

std::vector<Poco::Timestamp> ScriptedSource::openTimes(Poco::Int64 streamId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _openTimes.find(streamId);
	return found == _openTimes.end() ? std::vector<Poco::Timestamp>() : found->second;
}

int ScriptedSource::open() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _open;
}

int ScriptedSource::mostOpen() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _mostOpen;
}

int ScriptedSource::blockedOpens() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _blockedOpens;
}

void ScriptedSource::releaseOpens()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_opensReleased = true;
	_release.notify_all();
}

std::vector<ScriptedPacket> ScriptedSource::steady(long long firstDts, int frames, int gop, bool audio)
{
	std::vector<ScriptedPacket> packets;
	for (int frame = 0; frame < frames; ++frame)
	{
		const long long dts = firstDts + frame * 3600LL;
		packets.push_back({0, dts, dts, frame % gop == 0});
		if (audio) packets.push_back({1, dts + 1000, dts + 1000, true});
	}
	return packets;
}

std::string ScriptedSource::displayName() const
{
	return "scripted test source";
}

std::vector<SourceCategory> ScriptedSource::categories()
{
	return {{"1", "Tests"}};
}

std::vector<SourceChannel> ScriptedSource::channels()
{
	std::vector<SourceChannel> list;
	for (int id = 1; id <= _channels; ++id)
	{
		SourceChannel channel;
		channel.streamId = id;
		channel.name = "Channel " + std::to_string(id);
		channel.number = std::to_string(100 + id);
		channel.categoryId = "1";
		channel.epgChannelId = "channel" + std::to_string(id) + ".test";
		list.push_back(channel);
	}
	return list;
}

SourceAccount ScriptedSource::account()
{
	std::lock_guard<std::mutex> lock(_mutex);
	return accountFacts;
}

SourceInput ScriptedSource::resolve(Poco::Int64)
{
	throw SourceException(SourceException::ProviderError, "the scripted source only produces packets");
}

std::unique_ptr<PacketProducer> ScriptedSource::openProducer(Poco::Int64 streamId)
{
	Session session;
	{
		std::unique_lock<std::mutex> lock(_mutex);
		++_opens[streamId];
		_openTimes[streamId].emplace_back();
		auto& sessions = _scripts[streamId];
		if (sessions.empty())
		{
			session.packets = steady(0, 500);
		}
		else
		{
			session = sessions.front();
			sessions.erase(sessions.begin());
		}
		if (session.blockOpen)
		{
			++_blockedOpens;
			_release.wait(lock, [this] { return _opensReleased; });
			--_blockedOpens;
		}
		if (session.failOpen) throw SourceException(SourceException::Unreachable, "the scripted provider is unreachable");
		++_open;
		_mostOpen = std::max(_mostOpen, _open);
	}
	return std::unique_ptr<PacketProducer>(new ScriptedProducer(*this, std::move(session)));
}

void ScriptedSource::producerEnded()
{
	std::lock_guard<std::mutex> lock(_mutex);
	--_open;
}

const AVCodecParameters& ScriptedSource::video() const
{
	return *_video;
}

const AVCodecParameters& ScriptedSource::audio() const
{
	return *_audio;
}

} // namespace restream::test
