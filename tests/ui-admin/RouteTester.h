//
// RouteTester.h
//
// A plugin's routes driven without a host: what the host's router does
// before a route runs, and a response that records the answer.
//

#ifndef restream_test_RouteTester_INCLUDED
#define restream_test_RouteTester_INCLUDED

#include "restream/Route.h"
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace restream {
namespace test {

struct RouteAnswer
	/// What a route answered. A value type.
{
	int status = 0;
	RouteResponse::Headers headers;
	std::string body;

	std::string header(const std::string& name) const;
		/// The first header named name (case-insensitive), or "".

	std::vector<std::string> all(const std::string& name) const;
		/// Every header named name, in order.

	std::string cookie(const std::string& name) const;
		/// The value a Set-Cookie header gives the cookie name, or "".

	std::string setCookie(const std::string& name) const;
		/// The whole Set-Cookie header of the cookie name, or "".
};

class RouteTester
	/// Routes of one port, called the way the host's router calls them
	/// (Route.h, RouteRequest.h): the exact path first, then the longest
	/// prefix ending in '*'; a GET route answers HEAD (the body dropped);
	/// 405 when only other methods serve the path, 404 when none does, 413
	/// beyond the route's maxBodySize(). The request is parsed as the host
	/// would: decoded path and query, headers, body, the client's address,
	/// Host. Routes must answer once, during handle() (every route tested
	/// here does); the answer is recorded by RecordedResponse.
	/// Not thread-safe.
{
public:
	using Named = std::vector<std::pair<std::string, std::shared_ptr<Route>>>;

	RouteTester(const std::vector<std::shared_ptr<Route>>& routes, std::string port);
		/// The routes of routes whose port() is port.

	RouteTester(const Named& routes, std::string port);
		/// The same for named routes (as a plugin registers them).

	RouteAnswer request(const std::string& method, const std::string& target, const std::string& body = "",
		const std::map<std::string, std::string>& headers = {}, const std::string& clientAddress = "127.0.0.1");
		/// target is the path and query as sent ("/login?next=%2F"); Host
		/// defaults to "127.0.0.1:8001".

	std::size_t size() const;
		/// How many routes serve the port.

private:
	std::vector<std::shared_ptr<Route>> _routes;
	std::string _port;
};

} // namespace test
} // namespace restream

#endif // restream_test_RouteTester_INCLUDED
