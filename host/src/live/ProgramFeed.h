//
// ProgramFeed.h
//

#ifndef restream_host_ProgramFeed_INCLUDED
#define restream_host_ProgramFeed_INCLUDED

#include "restream/ChannelSink.h"
#include <Poco/Types.h>
#include <memory>

namespace restream::host {

class Program;

class ProgramFeed : public ChannelSink
	/// The sink that carries the channel on air into the program: attached
	/// to that channel's pipeline, it passes begin() and write() on to the
	/// Program, which ignores them once a newer feed exists. end() (the
	/// channel stopped) ends nothing: the program outlives its channels.
	/// It counts no viewers of its own (the program's sinks do).
	/// Threads: as ChannelSink. Owns a share of the program.
{
public:
	ProgramFeed(std::shared_ptr<Program> program, Poco::UInt64 number);

	bool begin(const ChannelFormat& format) override;
	bool write(const AVPacket& packet) override;
	void end() override;
	bool playable() const override;
	int viewers() const override;
	Poco::UInt64 bytesServed() const override;

private:
	const std::shared_ptr<Program> _program;
	const Poco::UInt64 _number;
};

} // namespace restream::host

#endif // restream_host_ProgramFeed_INCLUDED
