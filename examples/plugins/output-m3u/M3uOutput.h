//
// M3uOutput.h
//
// The Output service of output-m3u.
//

#ifndef m3uoutput_M3uOutput_INCLUDED
#define m3uoutput_M3uOutput_INCLUDED

#include "LiveTable.h"
#include "restream/Output.h"
#include <memory>

namespace m3uoutput {

class M3uOutput : public restream::Output
	/// Gives every channel that starts a LiveSink, so that the table knows
	/// what is live; remembers the primary channel.
	///
	/// Threads: any method from any thread. Errors: none thrown.
{
public:
	explicit M3uOutput(std::shared_ptr<LiveTable> table);

	std::shared_ptr<restream::ChannelSink> createSink(const restream::ChannelInfo& channel) override;
	void setPrimary(Poco::Int64 streamId) override;

private:
	const std::shared_ptr<LiveTable> _table;
};

} // namespace m3uoutput

#endif // m3uoutput_M3uOutput_INCLUDED
