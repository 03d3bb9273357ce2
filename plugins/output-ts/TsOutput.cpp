//
// TsOutput.cpp
//

#include "TsOutput.h"
#include "TsSink.h"
#include <Poco/Logger.h>

namespace outputts {

TsOutput::TsOutput(std::shared_ptr<TsDirectory> directory, Poco::Logger& logger):
	_directory(std::move(directory)),
	_logger(logger)
{
}

std::shared_ptr<restream::ChannelSink> TsOutput::createSink(const restream::ChannelInfo& channel)
{
	if (channel.streamId < 1)
	{
		_logger.error("cannot serve a channel with stream id %?d as MPEG-TS", channel.streamId);
		return nullptr;
	}
	return sinkFor(channel.streamId);
}

std::shared_ptr<restream::ChannelSink> TsOutput::createProgramSink()
{
	return sinkFor(0);
}

std::shared_ptr<restream::ChannelSink> TsOutput::sinkFor(Poco::Int64 streamId)
{
	try
	{
		std::shared_ptr<TsChannel> channel = _directory->open(streamId);
		try
		{
			return std::make_shared<TsSink>(_directory, channel, _logger);
		}
		catch (...)
		{
			_directory->close(channel);
			throw;
		}
	}
	catch (const std::exception& exc)
	{
		_logger.error("%s: cannot create an MPEG-TS sink: %s", streamId == 0 ? std::string("program") : "channel " + std::to_string(streamId),
			std::string(exc.what()));
	}
	return nullptr;
}

} // namespace outputts
