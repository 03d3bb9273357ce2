//
// ProducerInput.h
//

#ifndef restream_host_ProducerInput_INCLUDED
#define restream_host_ProducerInput_INCLUDED

#include "live/LiveInput.h"
#include "restream/PacketProducer.h"
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace restream::host {

class ProducerInput : public LiveInput
	/// A source plugin's PacketProducer as a LiveInput. Owns the producer;
	/// its calls are plugin calls (PluginGuard): an exception is logged with
	/// the plugin's name and becomes AVERROR_BUG.
{
public:
	ProducerInput(std::unique_ptr<PacketProducer> producer, std::string owner, Poco::Logger& logger);
	~ProducerInput() override;

	const ChannelFormat& format() const override;
	int read(AVPacket& packet) override;
	void interrupt() override;
	std::string describe(int error) const override;
	std::string errorCode(int error) const override;

private:
	std::unique_ptr<PacketProducer> _producer;
	const std::string _owner;
	Poco::Logger& _logger;
};

} // namespace restream::host

#endif // restream_host_ProducerInput_INCLUDED
