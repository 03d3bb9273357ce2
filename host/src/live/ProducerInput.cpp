//
// ProducerInput.cpp
//

#include "live/ProducerInput.h"
#include "live/UrlInput.h"

extern "C" {
#include <libavutil/error.h>
}

namespace restream::host {

ProducerInput::ProducerInput(std::unique_ptr<PacketProducer> producer):
	_producer(std::move(producer))
{
}

ProducerInput::~ProducerInput()
{
	try
	{
		_producer.reset();
	}
	catch (...)
	{
		// a plugin's destructor that throws: nothing more to release
	}
}

const ChannelFormat& ProducerInput::format() const
{
	return _producer->format();
}

int ProducerInput::read(AVPacket& packet)
{
	try
	{
		return _producer->read(packet);
	}
	catch (...)
	{
		return AVERROR_BUG;
	}
}

void ProducerInput::interrupt()
{
	try
	{
		_producer->interrupt();
	}
	catch (...)
	{
		// the pipeline stops reading anyway
	}
}

std::string ProducerInput::describe(int error) const
{
	return UrlInput::sentence(error);
}

} // namespace restream::host
