//
// TsSink.h
//
// output-ts's consumer of one live channel (or of the program).
//

#ifndef outputts_TsSink_INCLUDED
#define outputts_TsSink_INCLUDED

#include "TsChannel.h"
#include "TsDirectory.h"
#include "TsMuxer.h"
#include "restream/ChannelSink.h"
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace outputts {

class TsSink : public restream::ChannelSink
	/// Feeds the pipeline's packets to one TsMuxer for the sink's whole
	/// life (reconnects and program switches included: see TsMuxer) and
	/// publishes its chunks in the sink's TsChannel, whose join points let
	/// waiting viewers in. end() (or destruction without end()) ends every
	/// viewer's stream: while the channel runs, the stream never ends.
	///
	/// Threads: as restream::ChannelSink says: begin, write and end from the
	/// pipeline's thread; the statistics from any thread.
	/// Errors: begin() and write() log the cause and return false; nothing
	/// throws.
{
public:
	TsSink(std::shared_ptr<TsDirectory> directory, std::shared_ptr<TsChannel> channel, Poco::Logger& logger);
		/// channel must have been opened in directory; logger must outlive the sink.
	~TsSink() override;

	bool begin(const restream::ChannelFormat& format) override;
	bool write(const AVPacket& packet) override;
	void end() override;

	bool playable() const override;
	int viewers() const override;
		/// The viewers connected now.
	Poco::UInt64 bytesServed() const override;

private:
	void fail(const std::string& what, const std::string& cause);

	const std::shared_ptr<TsDirectory> _directory;
	const std::shared_ptr<TsChannel> _channel;
	Poco::Logger& _logger;
	TsMuxer _muxer;
	bool _ended = false;
};

} // namespace outputts

#endif // outputts_TsSink_INCLUDED
