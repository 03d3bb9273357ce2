//
// RouteTester.cpp
//

#include "RouteTester.h"
#include "RecordedResponse.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace restream {
namespace test {

namespace {

class AllHeaders : public RecordedResponse
	/// RecordedResponse, keeping every header too (Set-Cookie may come more than once).
{
public:
	void send(int status, const Headers& headers, std::shared_ptr<const std::string> body) override
	{
		_all = headers;
		RecordedResponse::send(status, headers, std::move(body));
	}

	const Headers& all() const
	{
		return _all;
	}

private:
	Headers _all;
};

std::vector<std::shared_ptr<Route>> unnamed(const RouteTester::Named& routes)
{
	std::vector<std::shared_ptr<Route>> all;
	for (const auto& route : routes) all.push_back(route.second);
	return all;
}

bool matches(const Route& route, const std::string& path)
{
	const std::string pattern = route.path();
	if (!pattern.empty() && pattern.back() == '*') return path.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
	return path == pattern;
}

} // namespace

std::string RouteAnswer::header(const std::string& name) const
{
	for (const auto& header : headers)
	{
		if (Poco::icompare(header.first, name) == 0) return header.second;
	}
	return "";
}

std::vector<std::string> RouteAnswer::all(const std::string& name) const
{
	std::vector<std::string> values;
	for (const auto& header : headers)
	{
		if (Poco::icompare(header.first, name) == 0) values.push_back(header.second);
	}
	return values;
}

std::string RouteAnswer::setCookie(const std::string& name) const
{
	for (const auto& value : all("Set-Cookie"))
	{
		if (value.compare(0, name.size() + 1, name + "=") == 0) return value;
	}
	return "";
}

std::string RouteAnswer::cookie(const std::string& name) const
{
	const std::string header = setCookie(name);
	if (header.empty()) return "";
	return header.substr(name.size() + 1, header.find(';') - name.size() - 1);
}

RouteTester::RouteTester(const std::vector<std::shared_ptr<Route>>& routes, std::string port):
	_port(std::move(port))
{
	for (const auto& route : routes)
	{
		if (route->port() == _port) _routes.push_back(route);
	}
}

RouteTester::RouteTester(const Named& routes, std::string port):
	RouteTester(unnamed(routes), std::move(port))
{
}

RouteAnswer RouteTester::request(const std::string& method, const std::string& target, const std::string& body,
	const std::map<std::string, std::string>& headers, const std::string& clientAddress)
{
	RouteRequest request;
	request.method = method;
	const Poco::URI uri(target);
	request.path = uri.getPath();
	for (const auto& parameter : uri.getQueryParameters()) request.query.push_back(parameter);
	request.headers.set("Host", "127.0.0.1:8001");
	for (const auto& header : headers) request.headers.set(header.first, header.second);
	request.host = request.headers.get("Host");
	request.body = body;
	request.clientAddress = clientAddress;
	request.port = _port;

	const std::string wanted = method == "HEAD" ? "GET" : method;
	std::shared_ptr<Route> chosen;
	bool pathServed = false;
	std::size_t longest = 0;
	for (const auto& route : _routes)
	{
		if (!matches(*route, request.path)) continue;
		pathServed = true;
		if (route->method() != wanted) continue;
		const std::size_t length = route->path() == request.path ? std::string::npos : route->path().size();
		if (!chosen || length > longest)
		{
			chosen = route;
			longest = length;
		}
	}
	auto response = std::make_shared<AllHeaders>();
	if (!chosen)
		response->sendError(pathServed ? 405 : 404, pathServed ? "Method Not Allowed" : "Not Found");
	else if (body.size() > chosen->maxBodySize())
		response->sendError(413, "Payload Too Large");
	else
		chosen->handle(request, response);
	if (response->answers() != 1)
		throw Poco::IllegalStateException("the route for " + method + " " + target + " answered " + std::to_string(response->answers()) + " times");
	RouteAnswer answer;
	answer.status = response->status();
	answer.headers = response->all();
	if (method != "HEAD") answer.body = response->body(); // the host drops it
	return answer;
}

std::size_t RouteTester::size() const
{
	return _routes.size();
}

} // namespace test
} // namespace restream
