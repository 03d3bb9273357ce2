//
// ScriptedSource.h
//
// A source whose channels play a script of packets, for the live core's
// unit tests: no network, no encoder, milliseconds per test.
//

#ifndef restream_test_ScriptedSource_INCLUDED
#define restream_test_ScriptedSource_INCLUDED

#include "restream/Source.h"
#include <Poco/Timestamp.h>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

extern "C" {
#include <libavcodec/codec_par.h>
}

namespace restream::test {

struct ScriptedPacket
	/// One packet of a script, in a 90 kHz time base.
{
	int track = 0;      /// 0 video, 1 audio
	long long dts = 0;
	long long pts = 0;
	bool keyframe = false;
};

class ScriptedSource : public Source
	/// Channels 1..n whose producers play scripts: each open of a channel
	/// takes the next session's script, plays its packets as fast as asked,
	/// then ends it as told (end of stream, an error, or blocking until
	/// interrupted, like a stalled provider). An open can also fail at once,
	/// or block until the test releases it; timestamps can wrap at 2^33.
	/// Counts opens and concurrent producers (the provider's connections).
	/// Threads: any.
{
public:
	enum class Ending
	{
		EndOfStream,
		Error,
		Block
	};

	struct Session
	{
		std::vector<ScriptedPacket> packets;
		Ending ending = Ending::Block;
		bool failOpen = false;   /// the open itself fails (SourceException Unreachable)
		bool blockOpen = false;  /// the open waits until releaseOpens() (a provider that never answers)
		bool wrap33 = false;     /// dts and pts played modulo 2^33, as MPEG-TS carries them (90 kHz)
	};

	explicit ScriptedSource(int channels);
	~ScriptedSource() override;

	void script(Poco::Int64 streamId, std::vector<Session> sessions);
		/// The sessions of streamId's next opens, in order; once used up, each
		/// open plays an endless steady stream (video every 40 ms, keyframe
		/// every 25) that blocks after 500 packets.

	int opens(Poco::Int64 streamId) const;
	std::vector<Poco::Timestamp> openTimes(Poco::Int64 streamId) const;
		/// When each open of streamId was asked.
	int open() const;
		/// Producers alive now (connections in use).
	int mostOpen() const;
		/// The most producers alive at once, ever.
	int blockedOpens() const;
		/// Opens waiting for releaseOpens() now.
	void releaseOpens();
		/// Lets every blocked open, and every later one, go on.

	static constexpr long long ptsWrap = 1LL << 33; /// where MPEG-TS timestamps wrap (26.5 hours at 90 kHz)

	static std::vector<ScriptedPacket> steady(long long firstDts, int frames, int gop = 25, bool audio = true);
		/// frames video packets 40 ms apart from firstDts (keyframe every gop),
		/// with audio packets between them when asked.

	std::string displayName() const override;
	std::vector<SourceCategory> categories() override;
	std::vector<SourceChannel> channels() override;
	SourceAccount account() override;
	SourceInput resolve(Poco::Int64 streamId) override;
	std::unique_ptr<PacketProducer> openProducer(Poco::Int64 streamId) override;

	void producerEnded();
		/// Called by a producer's destructor.

	const AVCodecParameters& video() const;
	const AVCodecParameters& audio() const;

	SourceAccount accountFacts;

private:
	const int _channels;
	AVCodecParameters* _video;
	AVCodecParameters* _audio;
	mutable std::mutex _mutex;
	std::map<Poco::Int64, std::vector<Session>> _scripts;
	std::map<Poco::Int64, int> _opens;
	std::map<Poco::Int64, std::vector<Poco::Timestamp>> _openTimes;
	int _open = 0;
	int _mostOpen = 0;
	int _blockedOpens = 0;
	bool _opensReleased = false;
	std::condition_variable _release;
};

} // namespace restream::test

#endif // restream_test_ScriptedSource_INCLUDED
