//
// LiveTable.h
//
// Which channels are live right now, as this output's sinks saw them.
//

#ifndef m3uoutput_LiveTable_INCLUDED
#define m3uoutput_LiveTable_INCLUDED

#include "restream/ChannelInfo.h"
#include <Poco/Mutex.h>
#include <map>
#include <vector>

namespace m3uoutput {

class LiveTable
	/// The channels whose sink has begun and not ended, and the primary
	/// channel. Shared by the output, its sinks and the playlist route.
	///
	/// Threads: every method may be called from any thread.
{
public:
	using Token = unsigned long;

	Token newToken();
		/// A key for a new sink.

	void begin(Token token, const restream::ChannelInfo& channel);
		/// The sink token has begun streaming channel.

	void end(Token token);
		/// The sink token has ended. Does nothing if it never began.

	void setPrimary(Poco::Int64 streamId);

	std::vector<restream::ChannelInfo> live() const;
		/// The live channels, each once: the primary first, then by stream id.

private:
	mutable Poco::FastMutex _mutex;
	std::map<Token, restream::ChannelInfo> _sinks;
	Token _nextToken = 1;
	Poco::Int64 _primary = 0;
};

} // namespace m3uoutput

#endif // m3uoutput_LiveTable_INCLUDED
