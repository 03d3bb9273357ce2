//
// host-request-head.cpp
//
// RequestHead on any bytes a client sends: Beast's request parser reads the
// head, then the host's refusals and the RouteRequest it becomes.
// Contract: nothing throws; a refusal is one line without quotes to escape;
// a head that is not refused becomes a request whose path starts with '/',
// whose method is upper case and whose headers are the head's.
//

#include "FuzzInput.h"
#include "http/RequestHead.h"
#include <Poco/String.h>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

using restream::host::RequestHead;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	namespace http = boost::beast::http;
	const std::string input = restreamfuzz::text(data, size);
	http::request_parser<http::empty_body> parser;
	parser.header_limit(16 * 1024);
	parser.eager(false);
	boost::system::error_code error;
	const std::size_t used = parser.put(boost::asio::buffer(input), error);
	if (error == http::error::need_more) return 0; // the head is not complete: the server reads on
	FUZZ_CHECK(used <= input.size());
	std::string refusal =
		error ? RequestHead::refusal(error, parser.get(), std::string_view(input).substr(used)) : RequestHead::refusal(parser.get());
	restream::RouteRequest request;
	if (refusal.empty()) refusal = RequestHead::read(parser.get(), "api", request);
	FUZZ_CHECK(refusal.find_first_of("\"\\\r\n") == std::string::npos);
	if (!refusal.empty()) return 0;
	FUZZ_CHECK(!request.path.empty() && request.path[0] == '/');
	FUZZ_CHECK(request.method == Poco::toUpper(request.method));
	FUZZ_CHECK(request.port == "api");
	std::size_t fields = 0;
	for (auto it = parser.get().begin(); it != parser.get().end(); ++it) ++fields;
	FUZZ_CHECK(request.headers.size() == fields);
	return 0;
}
