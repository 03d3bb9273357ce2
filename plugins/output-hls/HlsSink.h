//
// HlsSink.h
//
// output-hls's consumer of one live channel.
//

#ifndef outputhls_HlsSink_INCLUDED
#define outputhls_HlsSink_INCLUDED

#include "ChannelDirectory.h"
#include "CmafSegmenter.h"
#include "HlsChannel.h"
#include "HlsSettings.h"
#include "Segmenter.h"
#include "restream/ChannelSink.h"
#include <functional>
#include <memory>

namespace Poco {
class Logger;
}

namespace outputhls {

class HlsSink : public restream::ChannelSink
	/// Feeds the pipeline's packets to a Segmenter and publishes each
	/// complete segment in its HlsChannel, and to a CmafSegmenter whose parts
	/// make the channel's low-latency rendition, unless the settings turn
	/// that rendition off (then no CmafSegmenter exists). The low-latency
	/// rendition failing (logged once) stops it until the next begin(),
	/// never the TS one. end() (or destruction without
	/// end()) ends the channel: the open segment becomes the last one, the
	/// playlist says EXT-X-ENDLIST in the same rendering, and the directory
	/// drops it (and its memory) endedGrace later.
	///
	/// Threads: as restream::ChannelSink says: begin, write and end from the pipeline's
	/// thread; the statistics from any thread.
	/// Errors: begin() and write() log the cause and return false; they
	/// never throw.
{
public:
	using Published = std::function<void(Poco::Int64 streamId)>;
		/// Told after each segment and each part is published (the waiters).

	HlsSink(std::shared_ptr<ChannelDirectory> directory, std::shared_ptr<HlsChannel> channel, const HlsSettings& settings,
		Poco::Logger& logger, Published published = Published());
		/// channel must have been opened in directory. logger must outlive
		/// the sink (Poco's loggers live until the process ends).
	~HlsSink() override;

	bool begin(const restream::ChannelFormat& format) override;
	bool write(const AVPacket& packet) override;
	void end() override;

	bool playable() const override;
	int viewers() const override;
	Poco::UInt64 bytesServed() const override;

private:
	void fail(const std::string& what, const std::string& cause);
		/// Logs why the sink gives up.
	void lowLatency(const std::function<void()>& step, const std::string& what);
		/// Runs step on the CmafSegmenter unless the rendition is off or
		/// failed; a failure is logged and stops the rendition.

	const std::shared_ptr<ChannelDirectory> _directory;
	const std::shared_ptr<HlsChannel> _channel;
	Poco::Logger& _logger;
	Segmenter _segmenter;
	const std::unique_ptr<CmafSegmenter> _cmafSegmenter; /// null with the low-latency rendition off
	bool _lowLatencyFailed = false;
	bool _ended = false;
};

} // namespace outputhls

#endif // outputhls_HlsSink_INCLUDED
