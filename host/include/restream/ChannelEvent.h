//
// ChannelEvent.h
//

#ifndef restream_ChannelEvent_INCLUDED
#define restream_ChannelEvent_INCLUDED

#include "restream/ChannelStatus.h"

namespace restream {

struct ChannelEvent
	/// A change of a channel or of the program, as Channels::subscribe()
	/// delivers it. A value type.
{
	enum class Kind
	{
		Started,      /// a channel started (status.state is Starting)
		StateChanged, /// its state or error changed
		Stopped,      /// it stopped; status.state is Stopped
		Program       /// the program's channel changed; status is the new one's (streamId 0: none)
	};

	Kind kind = Kind::StateChanged;
	ChannelStatus status;
};

} // namespace restream

#endif // restream_ChannelEvent_INCLUDED
