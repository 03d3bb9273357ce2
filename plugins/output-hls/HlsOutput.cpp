//
// HlsOutput.cpp
//

#include "HlsOutput.h"
#include "HlsSink.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace outputhls {

HlsOutput::HlsOutput(std::shared_ptr<ChannelDirectory> directory, const HlsSettings& settings, Poco::Logger& logger,
	HlsSink::Published published):
	_directory(std::move(directory)),
	_settings(settings),
	_logger(logger),
	_published(std::move(published))
{
}

std::shared_ptr<restream::ChannelSink> HlsOutput::createSink(const restream::ChannelInfo& channel)
{
	if (channel.streamId < 1)
	{
		_logger.error("cannot serve a channel with stream id %?d as HLS", channel.streamId);
		return nullptr;
	}
	return sinkFor(channel.streamId);
}

std::shared_ptr<restream::ChannelSink> HlsOutput::createProgramSink()
{
	return sinkFor(0);
}

std::shared_ptr<restream::ChannelSink> HlsOutput::sinkFor(Poco::Int64 streamId)
{
	try
	{
		std::shared_ptr<HlsChannel> published = _directory->open(streamId);
		try
		{
			return std::make_shared<HlsSink>(_directory, published, _settings, _logger, _published);
		}
		catch (...)
		{
			_directory->end(published);
			throw;
		}
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("%s: cannot create an HLS sink: %s", streamId == 0 ? std::string("program") : "channel " + std::to_string(streamId),
			exc.displayText());
	}
	catch (const std::exception& exc)
	{
		_logger.error("%s: cannot create an HLS sink: %s", streamId == 0 ? std::string("program") : "channel " + std::to_string(streamId),
			std::string(exc.what()));
	}
	return nullptr;
}

} // namespace outputhls
