//
// Output.h
//
// The output role: serves live channels to viewers.
//

#ifndef restream_Output_INCLUDED
#define restream_Output_INCLUDED

#include "restream/ChannelInfo.h"
#include "restream/ChannelSink.h"
#include "restream/Service.h"
#include <memory>

namespace restream {

class RESTREAM_API Output : public Service
	/// An output (HLS, an M3U playlist, ...). For every channel that goes
	/// live the pipeline asks every Output for a sink and fans the channel's
	/// packets out to all of them: one upstream connection, any number of
	/// outputs and viewers.
	///
	/// Threads: any method from any thread.
	/// Errors: createSink() returns null when the output cannot serve the
	/// channel (logged by the output); it should not throw.
{
public:
	virtual std::shared_ptr<ChannelSink> createSink(const ChannelInfo& channel) = 0;
		/// A new sink for channel. The output may keep a reference to serve
		/// what the sink produced until the sink ends.

	virtual void setPrimary(Poco::Int64 streamId) = 0;
		/// The channel the unqualified URLs serve (/live.m3u8), 0 for none.
};

} // namespace restream

#endif // restream_Output_INCLUDED
