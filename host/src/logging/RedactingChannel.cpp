//
// RedactingChannel.cpp
//

#include "logging/RedactingChannel.h"
#include <Poco/Message.h>

namespace restream::host {

RedactingChannel::RedactingChannel(const Redactor& redactor, Poco::AutoPtr<Poco::Channel> next):
	_redactor(redactor),
	_next(std::move(next))
{
}

void RedactingChannel::log(const Poco::Message& message)
{
	Poco::Message redacted(message);
	redacted.setText(_redactor.redact(message.getText()));
	_next->log(redacted);
}

void RedactingChannel::open()
{
	_next->open();
}

void RedactingChannel::close()
{
	_next->close();
}

} // namespace restream::host
