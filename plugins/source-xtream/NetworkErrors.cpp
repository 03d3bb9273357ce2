//
// NetworkErrors.cpp
//

#include "NetworkErrors.h"
#include "restream/PluginContext.h"
#include "restream/SourceException.h"
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/NumberFormatter.h>
#include <Poco/String.h>

namespace sourcextream {

using restream::SourceException;

NetworkErrors::NetworkErrors(const restream::PluginContext& context, const Poco::Timespan& timeout):
	_context(context),
	_timeout(timeout)
{
}

void NetworkErrors::rethrow(const Poco::URI& uri) const
{
	const std::string unreachable = "cannot reach the provider at " + authorityOf(uri) + ": ";
	try
	{
		throw;
	}
	catch (const SourceException&)
	{
		throw;
	}
	catch (const Poco::TimeoutException&)
	{
		throw SourceException(SourceException::Timeout,
			"the provider at " + uri.getHost() + " did not answer within " + std::to_string(_timeout.totalSeconds()) + " s");
	}
	catch (const Poco::Net::ConnectionRefusedException&)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "connection refused");
	}
	catch (const Poco::Net::DNSException&)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "the host name does not resolve");
	}
	catch (const Poco::Net::SSLException& exc)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "TLS failed (" + _context.redact(exc.message()) + ")");
	}
	catch (const Poco::Net::NoMessageException&)
	{
		throw SourceException(SourceException::ProviderError,
			"the provider at " + uri.getHost() + " closed the connection without answering");
	}
	catch (const Poco::Net::MessageException&)
	{
		throw SourceException(SourceException::ProviderError, "the provider at " + uri.getHost() + " sent a malformed HTTP answer");
	}
	catch (const Poco::Net::ConnectionResetException&)
	{
		throw SourceException(SourceException::Unreachable, unreachable + "the connection was reset");
	}
	catch (const Poco::IOException& exc)
	{
		const std::string what = exc.message().empty() ? exc.displayText() : exc.message();
		throw SourceException(SourceException::Unreachable, unreachable + Poco::toLower(_context.redact(what)));
	}
}

std::string NetworkErrors::authorityOf(const Poco::URI& uri)
{
	const std::string& host = uri.getHost();
	return (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" + Poco::NumberFormatter::format(uri.getPort());
}

} // namespace sourcextream
