//
// SourceException.h
//

#ifndef restream_SourceException_INCLUDED
#define restream_SourceException_INCLUDED

#include "restream/Version.h"
#include <Poco/Exception.h>
#include <typeinfo>

namespace restream {

class RESTREAM_API SourceException : public Poco::Exception
	/// What a Source throws: a kind the host maps to an HTTP status, and a
	/// message a human can act on ("the provider refused the login"). The
	/// message must not carry credentials.
{
public:
	enum Kind
	{
		Unreachable = 1,   /// connection refused, DNS, TLS: 502
		Timeout,           /// no answer in time: 504
		BadCredentials,    /// the provider refused the login: 502
		AccountExpired,    /// 502
		AccountDisabled,   /// disabled, banned: 502
		NotAPanel,         /// HTML, plain text or JSON of another shape: 502
		ProviderError,     /// any other provider failure (HTTP 5xx, ...): 502
		NotFound,          /// no such channel: 404
		NotConfigured      /// the source lacks settings: 503
	};

	SourceException(Kind kind, const std::string& message):
		Poco::Exception(message, static_cast<int>(kind))
	{
	}

	Kind kind() const
	{
		return static_cast<Kind>(code());
	}

	const char* name() const noexcept override
	{
		return "Source error";
	}

	const char* className() const noexcept override
	{
		return typeid(*this).name();
	}

	Poco::Exception* clone() const override
	{
		return new SourceException(*this);
	}

	void rethrow() const override
	{
		throw *this;
	}
};

} // namespace restream

#endif // restream_SourceException_INCLUDED
