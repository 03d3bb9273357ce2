//
// SourceErrors.cpp
//

#include "catalog/SourceErrors.h"
#include "restream/ChannelErrors.h"

namespace restream::host {

int SourceErrors::status(SourceException::Kind kind)
{
	switch (kind)
	{
	case SourceException::NotFound: return 404;
	case SourceException::NotConfigured: return 503;
	case SourceException::Timeout: return 504;
	default: return 502;
	}
}

std::string SourceErrors::code(SourceException::Kind kind)
{
	switch (kind)
	{
	case SourceException::Unreachable: return ChannelErrors::PROVIDER_UNREACHABLE;
	case SourceException::Timeout: return ChannelErrors::PROVIDER_TIMEOUT;
	case SourceException::BadCredentials: return ChannelErrors::BAD_CREDENTIALS;
	case SourceException::AccountExpired: return ChannelErrors::ACCOUNT_EXPIRED;
	case SourceException::AccountDisabled: return ChannelErrors::ACCOUNT_DISABLED;
	case SourceException::NotAPanel: return ChannelErrors::NOT_A_PANEL;
	case SourceException::NotFound: return ChannelErrors::NOT_FOUND;
	case SourceException::NotConfigured: return ChannelErrors::NOT_CONFIGURED;
	case SourceException::ProviderError: break;
	}
	return ChannelErrors::PROVIDER_ERROR;
}

ChannelException SourceErrors::toChannelException(const SourceException& exception, const std::string& message)
{
	return ChannelException(code(exception.kind()), message, status(exception.kind()));
}

} // namespace restream::host
