//
// ChannelException.h
//

#ifndef restream_ChannelException_INCLUDED
#define restream_ChannelException_INCLUDED

#include "restream/Version.h"
#include <Poco/Exception.h>
#include <string>
#include <typeinfo>

namespace restream {

class RESTREAM_API ChannelException : public Poco::Exception
	/// A refused start, stop or lease (Channels): a machine code from
	/// ChannelErrors and a sentence for a human ("all 1 provider connections
	/// are in use by France 2"), never credentials. The API answers it with
	/// status() and {"detail", "error_code"}.
{
public:
	ChannelException(const std::string& code, const std::string& message, int status):
		Poco::Exception(message, status),
		_errorCode(code)
	{
	}

	const std::string& errorCode() const
		/// A ChannelErrors code.
	{
		return _errorCode;
	}

	int status() const
		/// The HTTP status that answers it: 404, 409, 502, 503, 504.
	{
		return code();
	}

	const char* name() const noexcept override
	{
		return "Channel refused";
	}

	const char* className() const noexcept override
	{
		return typeid(*this).name();
	}

	Poco::Exception* clone() const override
	{
		return new ChannelException(*this);
	}

	void rethrow() const override
	{
		throw *this;
	}

private:
	std::string _errorCode;
};

} // namespace restream

#endif // restream_ChannelException_INCLUDED
