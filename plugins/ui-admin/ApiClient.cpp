//
// ApiClient.cpp
//

#include "ApiClient.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/String.h>
#include <memory>

namespace restream {
namespace admin {

ApiClient::ApiClient(const std::string& baseUrl, Poco::Timespan timeout):
	_baseUrl(baseUrl),
	_uri(baseUrl),
	_timeout(timeout)
{
	if (Poco::icompare(_uri.getScheme(), "https") == 0)
	{
		Poco::Net::Context::Params params;
		params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
		params.loadDefaultCAs = true;
		_tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
	}
}

ApiClient::Answer ApiClient::call(const std::string& method, const std::string& pathAndQuery, const std::string& jsonBody,
	const std::string& token, const std::string& forwardedFor) const
{
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (Poco::icompare(_uri.getScheme(), "https") == 0)
		session.reset(new Poco::Net::HTTPSClientSession(_uri.getHost(), _uri.getPort(), _tls));
	else
		session.reset(new Poco::Net::HTTPClientSession(_uri.getHost(), _uri.getPort()));
	session->setTimeout(_timeout, _timeout, _timeout);

	std::string prefix = _uri.getPath();
	while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
	Poco::Net::HTTPRequest request(method, prefix + pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
	request.set("Accept", "application/json");
	request.set("User-Agent", "restream-ui-admin");
	if (!token.empty()) request.set("Authorization", "Bearer " + token);
	if (!forwardedFor.empty()) request.set("X-Forwarded-For", forwardedFor);
	if (!jsonBody.empty() || method == Poco::Net::HTTPRequest::HTTP_POST)
	{
		request.setContentType("application/json");
		request.setContentLength(static_cast<std::streamsize>(jsonBody.size()));
	}
	session->sendRequest(request) << jsonBody;

	Poco::Net::HTTPResponse response;
	std::istream& in = session->receiveResponse(response);
	Answer answer;
	answer.status = response.getStatus();
	answer.contentType = response.getContentType();
	answer.retryAfter = response.get("Retry-After", "");
	if (response.hasContentLength() && response.getContentLength64() > static_cast<Poco::Int64>(MAX_ANSWER))
		throw Poco::IOException("the API's answer is larger than " + std::to_string(MAX_ANSWER / (1024 * 1024)) + " MiB");
	in.exceptions(std::ios::badbit); // a timeout while reading is an error, not an early end
	char buffer[64 * 1024];
	while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0)
	{
		answer.body.append(buffer, static_cast<std::size_t>(in.gcount()));
		if (answer.body.size() > MAX_ANSWER) throw Poco::IOException("the API's answer is too large");
	}
	if (response.hasContentLength() && static_cast<Poco::Int64>(answer.body.size()) < response.getContentLength64())
		throw Poco::IOException("the API's answer was cut short");
	return answer;
}

const std::string& ApiClient::baseUrl() const
{
	return _baseUrl;
}

Poco::UInt16 ApiClient::port() const
{
	return _uri.getPort();
}

} // namespace admin
} // namespace restream
