//
// Output.h
//
// The output role: serves live channels and the program to viewers.
//

#ifndef restream_Output_INCLUDED
#define restream_Output_INCLUDED

#include "restream/ChannelInfo.h"
#include "restream/ChannelSink.h"
#include "restream/Service.h"
#include <memory>

namespace restream {

class RESTREAM_API Output : public Service
	/// An output (HLS, continuous MPEG-TS, a recorder, ...). For every
	/// channel that starts, the host asks every Output for a sink and fans
	/// the channel's packets out to all of them: one upstream connection,
	/// any number of outputs and viewers. To make a channel run, an output
	/// holds it through Channels (a lease); to know which channels run, it
	/// subscribes there.
	///
	/// The program (the admin's channel on air, /live.m3u8) is one more
	/// continuous channel: the host feeds each output's program sink from
	/// whichever channel is on air, with a begin() at every switch and
	/// timestamps that continue across switches, reconnects and restarts.
	///
	/// Threads: any method from any thread.
	/// Errors: the create methods return null when the output cannot serve
	/// (logged by the output); they should not throw.
{
public:
	virtual std::shared_ptr<ChannelSink> createSink(const ChannelInfo& channel) = 0;
		/// A new sink for channel. The output may keep a reference to serve
		/// what the sink produced until the sink ends.

	virtual std::shared_ptr<ChannelSink> createProgramSink();
		/// A new sink for the program, made when a program begins and ended
		/// when it ends. The default, null, means the output does not serve
		/// the program.
};

inline std::shared_ptr<ChannelSink> Output::createProgramSink()
{
	return nullptr;
}

} // namespace restream

#endif // restream_Output_INCLUDED
