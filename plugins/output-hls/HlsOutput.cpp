//
// HlsOutput.cpp
//

#include "HlsOutput.h"
#include "HlsSink.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace restream {
namespace hls {

HlsOutput::HlsOutput(std::shared_ptr<ChannelDirectory> directory, const HlsSettings& settings, Poco::Logger& logger):
	_directory(std::move(directory)),
	_settings(settings),
	_logger(logger)
{
}

std::shared_ptr<ChannelSink> HlsOutput::createSink(const ChannelInfo& channel)
{
	if (channel.streamId < 1)
	{
		_logger.error("cannot serve a channel with stream id %?d as HLS", channel.streamId);
		return nullptr;
	}
	try
	{
		std::shared_ptr<HlsChannel> published = _directory->open(channel);
		try
		{
			return std::make_shared<HlsSink>(_directory, published, _settings.segmentDuration, _logger);
		}
		catch (...)
		{
			_directory->close(published);
			throw;
		}
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("channel %?d: cannot create an HLS sink: %s", channel.streamId, exc.displayText());
	}
	catch (const std::exception& exc)
	{
		_logger.error("channel %?d: cannot create an HLS sink: %s", channel.streamId, std::string(exc.what()));
	}
	return nullptr;
}

void HlsOutput::setPrimary(Poco::Int64 streamId)
{
	_directory->setPrimary(streamId);
}

} // namespace hls
} // namespace restream
