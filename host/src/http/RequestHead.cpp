//
// RequestHead.cpp
//

#include "http/RequestHead.h"
#include "net/HostNameGuard.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <boost/beast/http/error.hpp>

namespace restream::host {

namespace {

namespace http = boost::beast::http;

const char* const malformedRequest = "malformed HTTP request";
const char* const bothFramings = "both Content-Length and Transfer-Encoding";

bool blankInHeaderName(std::string_view rest)
	/// Whether the line the parser stopped at (the first of rest) has a blank in its name or before its colon.
{
	const std::string_view line = rest.substr(0, rest.find('\n'));
	const std::size_t colon = line.find(':');
	if (colon == std::string_view::npos || line.empty() || line[0] == ' ' || line[0] == '\t') return false;
	return line.substr(0, colon).find_first_of(" \t") != std::string_view::npos;
}

} // namespace

std::string RequestHead::refusal(const Header& head)
{
	const std::string_view target(head.target().data(), head.target().size());
	if (target.empty() || target[0] != '/') return "the request target must be a path (origin-form)";
	int hosts = 0;
	for (const auto& field : head)
	{
		if (field.name() == http::field::host) ++hosts; // the parser refused blanks in names already
	}
	if (hosts > 1) return "more than one Host header";
	if (hosts == 0 && head.version() == 11) return "an HTTP/1.1 request without a Host header";
	if (hosts == 1 && HostNameGuard::hostName(std::string(head[http::field::host])).empty())
		return "the Host header is not a host name with an optional port";
	if (head.count(http::field::transfer_encoding) > 0)
	{
		if (head.count(http::field::content_length) > 0) return bothFramings;
		const std::string encoding(head[http::field::transfer_encoding]);
		if (Poco::icompare(Poco::trim(encoding), "chunked") != 0) return "a Transfer-Encoding other than chunked";
	}
	return "";
}

std::string RequestHead::refusal(const boost::system::error_code& error, const Header& partial, std::string_view rest)
{
	// the field that failed is not in partial; the ones before it are
	if (error == http::error::bad_transfer_encoding && partial.count(http::field::content_length) > 0) return bothFramings;
	if (error == http::error::bad_content_length && partial.count(http::field::transfer_encoding) > 0) return bothFramings;
	if (error == http::error::bad_field && blankInHeaderName(rest)) return "a header name has blanks";
	return malformedRequest;
}

std::string RequestHead::read(const Header& head, const std::string& port, RouteRequest& request)
{
	request.method = Poco::toUpper(std::string(head.method_string()));
	request.port = port;
	try
	{
		const Poco::URI uri(std::string(head.target()));
		request.path = uri.getPath();
		request.query = uri.getQueryParameters();
	}
	catch (const Poco::Exception&)
	{
		return "malformed request target";
	}
	if (request.path.empty() || request.path[0] != '/') return "malformed request target";
	for (const auto& field : head) request.headers.add(std::string(field.name_string()), std::string(field.value()));
	request.host = std::string(head[http::field::host]);
	return "";
}

} // namespace restream::host
