//
// FakeProvider.h
//
// Library: fakeprovider
//
// A fake Xtream Codes provider: a real HTTP server on 127.0.0.1 serving a catalog and endless,
// really encoded live MPEG-TS, with connection limits, statistics and fault switches.
//


#ifndef FakeProvider_FakeProvider_INCLUDED
#define FakeProvider_FakeProvider_INCLUDED


#include "fakeprovider/ApiMode.h"
#include "fakeprovider/ChannelFaults.h"
#include "fakeprovider/ProviderOptions.h"
#include "fakeprovider/ProviderStats.h"
#include "Poco/Timespan.h"
#include "Poco/Timestamp.h"
#include "Poco/Types.h"
#include <memory>
#include <mutex>
#include <string>
#include <vector>


namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}


namespace fakeprovider {


class ProviderContext;


class FakeProvider
	/// A fake Xtream Codes panel for tests and benchmarks.
	///
	/// HTTP API (see README.md for the details):
	///   GET  /player_api.php?username=U&password=P[&action=...]   account, categories, streams
	///   GET  /xmltv.php?username=U&password=P                     XMLTV guide, streamed (gzip on request)
	///   GET  /live/U/P/ID.ts, /live/U/P/ID, /U/P/ID[.ts]          endless live MPEG-TS
	///   GET  /live/U/P/ID.m3u8, /hls/TOKEN/N.ts                   live HLS (when hls is on)
	///   GET  /lb/TOKEN/ID.ts                                      redirect targets (fault switches)
	///   GET  /logos/ID.png                                        channel logos
	///   GET  /_stats, POST /_stats/reset                          counters
	///   GET  /_control, POST /_control?..., POST /_control/reset  fault switches
	///
	/// Built-in channels (stream ids):
	///   101 "France 2 Été"                  H.264 640x360 25 fps + AAC stereo
	///   102 "Télé Océan"                    H.264 320x180 + MP2 stereo
	///   103 "Sport Extrême HD"              H.264 1280x720 + AAC stereo
	///   104 "Le \"Grand\" Journal & Co 📺"  H.264 320x180 + AAC (fra) + AC-3 (eng)
	///   105 "News 24"                       H.264 320x180 + AAC stereo
	///   106 "Ciné Nuit"                     listed, source offline: its stream answers 404
	///   1001... synthetic channels (ProviderOptions::channelCount), streamed like 105
	/// All video is yuv420p, libx264 ultrafast/zerolatency, a keyframe every gopFrames frames (default
	/// 50: 2 s; no scene-cut keyframes), with the wall clock burned in (see FrameClock).
	/// One encoder per channel, running while clients are connected and encoderLinger after.
	///
	/// Threads: every method may be called from any thread (start() and stop() serialize). The
	/// provider owns its server, its thread pool and one thread per running encoder; stop() joins
	/// them all.
{
public:
	static constexpr int ALL_CHANNELS = 0;
		/// Channel id meaning "the global fault switches" for the fault methods.

	static constexpr int CHANNEL_SD = 101;
	static constexpr int CHANNEL_MP2 = 102;
	static constexpr int CHANNEL_HD = 103;
	static constexpr int CHANNEL_MULTI_AUDIO = 104;
	static constexpr int CHANNEL_SMALL = 105;
	static constexpr int CHANNEL_OFFLINE = 106;
	static constexpr int FIRST_SYNTHETIC_CHANNEL = 1001;

	static constexpr int OVERSIZED_PES_AFTER_MS = 3000;
		/// Normal stream a connection gets before ChannelFaults::oversizedPes starts.

	explicit FakeProvider(const ProviderOptions& options = ProviderOptions());
		/// Builds the catalog; binds nothing yet. Throws Poco::InvalidArgumentException for an
		/// option out of range (catalogDrip, gopFrames, guideChannels, guideHours).

	~FakeProvider();
		/// Calls stop().

	FakeProvider(const FakeProvider&) = delete;
	FakeProvider& operator = (const FakeProvider&) = delete;

	void start();
		/// Binds 127.0.0.1 (options().port, or an ephemeral port; after a stop(), an ephemeral
		/// provider binds the port it had before, so a test can simulate a provider restart) and
		/// starts serving. Throws Poco::IllegalStateException if already running, and the
		/// Poco::Net exception of a failed bind. Ignores SIGPIPE if its disposition is the default.

	void stop();
		/// Stops serving: closes every connection, stops every encoder and joins every thread
		/// (well under a second). Does nothing if not running. Counters are kept.

	bool running() const;

	Poco::UInt16 port() const;
		/// The bound port; 0 before the first start().

	std::string baseUrl() const;
		/// "http://127.0.0.1:PORT".

	std::string streamUrl(int channelId) const;
		/// baseUrl() + "/live/USER/PASS/ID.ts" for the configured account.

	std::string hlsUrl(int channelId) const;
		/// baseUrl() + "/live/USER/PASS/ID.m3u8" (answers 404 unless hls is on).

	std::string guideUrl() const;
		/// baseUrl() + "/xmltv.php?username=USER&password=PASS".

	const ProviderOptions& options() const;

	void setChannelFaults(int channelId, const ChannelFaults& faults);
		/// Replaces the fault switches of one channel, or the global ones (ALL_CHANNELS).
		/// Throws Poco::NotFoundException for an id not in the catalog, Poco::InvalidArgumentException
		/// for a status outside 300-599 (0 allowed) or a negative value.

	ChannelFaults channelFaults(int channelId) const;
		/// The switches as set for one channel (or ALL_CHANNELS), without the global ones merged.

	ChannelFaults effectiveFaults(int channelId) const;
		/// What a request of the channel sees: its own values, the global ones where unset.

	void setDropAfter(int channelId, Poco::Timespan after);
	void setStall(int channelId, bool stall);
	void setStatus(int channelId, int status);
	void setGarbage(int channelId, bool garbage);
	void setRedirects(int channelId, int count);
	void setRedirectLoop(int channelId, bool loop);
	void setBitRate(int channelId, int mbps);
	void setOversizedPes(int channelId, bool oversized);
	void setHlsLoop(int channelId, bool loop);
		/// Change one switch of setChannelFaults(), same errors (bitRate: 0-1000).

	void setApiMode(ApiMode mode);
	ApiMode apiMode() const;

	void setApiDelay(Poco::Timespan delay);
		/// Delay of player_api.php answers in ApiMode::SLOW.

	void setUserAgentRequired(const std::string& substring);
		/// Non-empty: player_api.php and stream requests whose User-Agent lacks this (case-sensitive)
		/// substring get 403. Empty: no filter.

	void setCatalogDrip(Poco::Timespan interval);
		/// > 0: player_api.php answers are written one byte at a time, interval between bytes;
		/// 0 clears. Applies to answers started from now on.

	void setGopFrames(int frames);
	int gopFrames() const;
		/// Keyframe interval in frames (25 fps), 1-250 (else Poco::InvalidArgumentException).
		/// Running encoders follow from their next frame.

	void setHlsEnabled(bool enabled);
	bool hlsEnabled() const;
		/// Turns the .m3u8 URLs and "m3u8" in allowed_output_formats on or off. Turning it off
		/// ends every HLS viewer.

	void setGuideSize(int channels, int hours);
		/// ProviderOptions::guideChannels and guideHours for the guides served from now on.
		/// Throws Poco::InvalidArgumentException outside 0-10 000 000 channels, 1-8760 hours.

	void setMaxConnections(int maxConnections);
	int maxConnections() const;

	void setSlotReleaseDelay(Poco::Timespan delay);
		/// Applies to slots released from now on.

	void resetFaults();
		/// Clears every fault switch, the API mode and the User-Agent filter, and restores
		/// maxConnections, slotReleaseDelay, apiDelay, catalogDrip, gopFrames, hls, guideChannels
		/// and guideHours to the options' values.

	ProviderStats stats() const;
		/// A snapshot of the counters.

	std::vector<Poco::Timestamp> streamRequestTimes() const;
		/// When each stream request arrived (same requests as ProviderStats::streamRequests; the
		/// last 100 000 are kept), oldest first.

	int activeConnections() const;
		/// Account slots in use: open stream connections plus slots not yet released.

	void resetStats();
		/// Zeroes the counters and the request times (open connections stay counted as open).

private:
	std::unique_ptr<ProviderContext> _pContext;
	std::unique_ptr<Poco::ThreadPool> _pThreadPool;
	std::unique_ptr<Poco::Net::HTTPServer> _pServer;
	mutable std::mutex _mutex; /// guards _pServer (running state) and _port
	Poco::UInt16 _port = 0;
};


} // namespace fakeprovider


#endif // FakeProvider_FakeProvider_INCLUDED
