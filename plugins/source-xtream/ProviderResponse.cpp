//
// ProviderResponse.cpp
//

#include "ProviderResponse.h"
#include "restream/SourceException.h"
#include <Poco/Net/HTTPClientSession.h>

namespace sourcextream {

ProviderResponse::ProviderResponse(std::unique_ptr<Poco::Net::HTTPClientSession> session, const Poco::URI& uri,
	const NetworkErrors& errors):
	_session(std::move(session)),
	_uri(uri),
	_errors(errors)
{
	_body = &_session->receiveResponse(_response);
	// without badbit in the mask, istream would swallow the stream's timeouts as an early end
	_body->exceptions(std::ios::badbit);
}

ProviderResponse::~ProviderResponse() = default;

int ProviderResponse::status() const
{
	return _response.getStatus();
}

const Poco::Net::HTTPResponse& ProviderResponse::response() const
{
	return _response;
}

const Poco::URI& ProviderResponse::uri() const
{
	return _uri;
}

std::streamsize ProviderResponse::read(char* buffer, std::streamsize size)
{
	try
	{
		// one byte waits for data (at most the timeout), readsome() then takes what that read brought
		if (!_body->read(buffer, 1))
		{
			if (_response.hasContentLength() && static_cast<Poco::Int64>(_received) < _response.getContentLength64())
				throw restream::SourceException(
					restream::SourceException::ProviderError, "the answer of the provider at " + _uri.getHost() + " was cut short");
			return 0;
		}
		const std::streamsize more = _body->readsome(buffer + 1, size - 1);
		_received += static_cast<Poco::UInt64>(1 + more);
		return 1 + more;
	}
	catch (...)
	{
		_errors.rethrow(_uri);
	}
}

Poco::UInt64 ProviderResponse::received() const
{
	return _received;
}

} // namespace sourcextream
