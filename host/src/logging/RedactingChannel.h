//
// RedactingChannel.h
//

#ifndef restream_host_RedactingChannel_INCLUDED
#define restream_host_RedactingChannel_INCLUDED

#include "logging/Redactor.h"
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>

namespace restream::host {

class RedactingChannel : public Poco::Channel
	/// A logging channel that passes every message's text through the
	/// Redactor, then on to the next channel. Installed for every logger by
	/// the host, so no logger, the plugins' and FFmpeg's included, writes an
	/// unredacted line. The redactor must outlive the channel.
	/// Threads: as the next channel (Poco channels are thread-safe).
{
public:
	RedactingChannel(const Redactor& redactor, Poco::AutoPtr<Poco::Channel> next);

	void log(const Poco::Message& message) override;
	void open() override;
	void close() override;

protected:
	~RedactingChannel() override = default;

private:
	const Redactor& _redactor;
	Poco::AutoPtr<Poco::Channel> _next;
};

} // namespace restream::host

#endif // restream_host_RedactingChannel_INCLUDED
