//
// ApiClient.cpp
//

#include "ApiClient.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <memory>

namespace uiadmin {

namespace {

const char* const NO_API = "none: plugins.ui-admin.apiUrl is empty and this process does not serve the api port";

bool isLoopback(const std::string& host)
{
	Poco::Net::IPAddress address;
	return Poco::icompare(host, "localhost") == 0 || (Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback());
}

std::string withoutPort(const std::string& host)
{
	// "nas:8001" -> "nas", "[fe80::1]:8001" -> "[fe80::1]": the API then names its own port
	const auto colon = host.rfind(':');
	if (colon == std::string::npos || host.find_first_not_of("0123456789", colon + 1) != std::string::npos) return host;
	if (host.front() == '[' ? host[colon - 1] != ']' : host.find(':') != colon) return host;
	return host.substr(0, colon);
}

} // namespace

ApiClient::ApiClient(Locator locator, Poco::Timespan timeout):
	_locator(std::move(locator)),
	_timeout(timeout)
{
}

ApiClient::Answer ApiClient::call(const std::string& method, const std::string& pathAndQuery, const std::string& jsonBody,
	const std::string& token, const restream::RouteRequest& browser, Poco::Timespan held) const
{
	const std::string base = locate();
	if (base.empty()) throw Poco::IllegalStateException(std::string("no API to call (") + NO_API + ")");
	const Poco::URI uri(base);
	std::unique_ptr<Poco::Net::HTTPClientSession> session;
	if (Poco::icompare(uri.getScheme(), "https") == 0)
		session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), tls()));
	else
		session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
	session->setTimeout(_timeout, _timeout, _timeout);

	std::string prefix = uri.getPath();
	while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
	Poco::Net::HTTPRequest request(method, prefix + pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
	if (isLoopback(uri.getHost()) && !browser.host.empty()) request.setHost(withoutPort(browser.host));
	request.set("Accept", "application/json");
	request.set("User-Agent", "restream-ui-admin");
	if (!token.empty()) request.set("Authorization", "Bearer " + token);
	if (!browser.clientAddress.empty()) request.set("X-Forwarded-For", browser.clientAddress);
	if (!jsonBody.empty() || method == Poco::Net::HTTPRequest::HTTP_POST)
	{
		request.setContentType("application/json");
		request.setContentLength(static_cast<std::streamsize>(jsonBody.size()));
	}
	session->sendRequest(request) << jsonBody;

	Poco::Net::HTTPResponse response;
	session->socket().setReceiveTimeout(_timeout + held); // the session's own setting counts only before it connects
	std::istream& in = session->receiveResponse(response);
	session->socket().setReceiveTimeout(_timeout);
	Answer answer;
	answer.status = response.getStatus();
	answer.contentType = response.getContentType();
	answer.retryAfter = response.get("Retry-After", "");
	answer.cacheControl = response.get("Cache-Control", "");
	if (response.hasContentLength() && response.getContentLength64() > static_cast<Poco::Int64>(MAX_ANSWER))
		throw Poco::IOException("the API's answer is larger than " + std::to_string(MAX_ANSWER / (1024 * 1024)) + " MiB");
	in.exceptions(std::ios::badbit); // a timeout while reading is an error, not an early end
	char buffer[64 * 1024];
	try
	{
		while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0)
		{
			answer.body.append(buffer, static_cast<std::size_t>(in.gcount()));
			if (answer.body.size() > MAX_ANSWER) throw Poco::IOException("the API's answer is too large");
		}
	}
	catch (const std::ios_base::failure& exc)
	{
		throw Poco::IOException("reading the API's answer failed", exc.what());
	}
	if (response.hasContentLength() && static_cast<Poco::Int64>(answer.body.size()) < response.getContentLength64())
		throw Poco::IOException("the API's answer was cut short");
	return answer;
}

std::string ApiClient::baseUrl() const
{
	const std::string base = locate();
	return base.empty() ? std::string("(") + NO_API + ")" : base;
}

std::string ApiClient::locate() const
{
	try
	{
		return _locator();
	}
	catch (const Poco::Exception&)
	{
		return ""; // no host to ask: no API
	}
}

Poco::Net::Context::Ptr ApiClient::tls() const
{
	std::call_once(_tlsOnce, [this] {
		Poco::Net::Context::Params params;
		params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
		params.loadDefaultCAs = true;
		_tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
	});
	return _tls;
}

} // namespace uiadmin
