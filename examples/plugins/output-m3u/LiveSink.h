//
// LiveSink.h
//
// The sink output-m3u gives the pipeline for one channel.
//

#ifndef m3uoutput_LiveSink_INCLUDED
#define m3uoutput_LiveSink_INCLUDED

#include "LiveTable.h"
#include "restream/ChannelSink.h"
#include <memory>

namespace m3uoutput {

class LiveSink : public restream::ChannelSink
	/// Marks its channel live in the table from the first begin() to end()
	/// (or its destruction). It serves no media itself: the playlist points
	/// at output-hls's URLs, so playable() is false (the channel is live when
	/// output-hls says so), viewers and bytes are 0, and write() only says yes.
	///
	/// Threads: as ChannelSink says.
{
public:
	LiveSink(std::shared_ptr<LiveTable> table, const restream::ChannelInfo& channel);
	~LiveSink() override;

	bool begin(const restream::ChannelFormat& format) override;
	bool write(const AVPacket& packet) override;
	void end() override;
	bool playable() const override;
	int viewers() const override;
	Poco::UInt64 bytesServed() const override;

private:
	const std::shared_ptr<LiveTable> _table;
	const restream::ChannelInfo _channel;
	const LiveTable::Token _token;
};

} // namespace m3uoutput

#endif // m3uoutput_LiveSink_INCLUDED
