//
// ProducerInput.h
//

#ifndef restream_host_ProducerInput_INCLUDED
#define restream_host_ProducerInput_INCLUDED

#include "live/LiveInput.h"
#include "restream/PacketProducer.h"
#include <memory>

namespace restream::host {

class ProducerInput : public LiveInput
	/// A source plugin's PacketProducer as a LiveInput. Owns the producer;
	/// its calls are plugin calls, so exceptions become AVERROR_BUG.
{
public:
	explicit ProducerInput(std::unique_ptr<PacketProducer> producer);
	~ProducerInput() override;

	const ChannelFormat& format() const override;
	int read(AVPacket& packet) override;
	void interrupt() override;
	std::string describe(int error) const override;

private:
	std::unique_ptr<PacketProducer> _producer;
};

} // namespace restream::host

#endif // restream_host_ProducerInput_INCLUDED
