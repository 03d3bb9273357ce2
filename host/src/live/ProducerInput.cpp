//
// ProducerInput.cpp
//

#include "live/ProducerInput.h"
#include "live/UrlInput.h"
#include "plugins/PluginGuard.h"

extern "C" {
#include <libavutil/error.h>
}

namespace restream::host {

ProducerInput::ProducerInput(std::unique_ptr<PacketProducer> producer, std::string owner, Poco::Logger& logger):
	_producer(std::move(producer)),
	_owner(std::move(owner)),
	_logger(logger)
{
}

ProducerInput::~ProducerInput()
{
	PluginGuard::call(_logger, _owner, "PacketProducer destruction", [&] { _producer.reset(); });
}

const ChannelFormat& ProducerInput::format() const
{
	return _producer->format();
}

int ProducerInput::read(AVPacket& packet)
{
	int result = AVERROR_BUG;
	PluginGuard::call(_logger, _owner, "PacketProducer::read", [&] { result = _producer->read(packet); });
	return result;
}

void ProducerInput::interrupt()
{
	PluginGuard::call(_logger, _owner, "PacketProducer::interrupt", [&] { _producer->interrupt(); });
}

std::string ProducerInput::describe(int error) const
{
	return UrlInput::sentence(error);
}

std::string ProducerInput::errorCode(int error) const
{
	return UrlInput::code(error);
}

} // namespace restream::host
