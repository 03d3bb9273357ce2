//
// M3uOutput.cpp
//

#include "M3uOutput.h"
#include "LiveSink.h"

namespace m3uoutput {

M3uOutput::M3uOutput(std::shared_ptr<LiveTable> table):
	_table(std::move(table))
{
}

std::shared_ptr<restream::ChannelSink> M3uOutput::createSink(const restream::ChannelInfo& channel)
{
	return std::make_shared<LiveSink>(_table, channel);
}

void M3uOutput::setPrimary(Poco::Int64 streamId)
{
	_table->setPrimary(streamId);
}

} // namespace m3uoutput
