//
// jwt-login.cpp
//
// LoginRequest on any POST /auth/login: the first line of the input is the
// Content-Type header, the rest the body. Contract: bad input is no
// exception; valid() exactly when there is no problem, which is then one of
// the documented sentences and leaves both fields empty.
//

#include "FuzzInput.h"
#include "LoginRequest.h"

using authjwt::LoginRequest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input = restreamfuzz::text(data, size);
	const std::size_t newline = input.find('\n');
	restream::RouteRequest request;
	request.method = "POST";
	request.path = "/auth/login";
	request.headers.add("Content-Type", input.substr(0, newline));
	request.body = newline == std::string::npos ? std::string() : input.substr(newline + 1);

	const LoginRequest login(request);
	FUZZ_CHECK(login.valid() == login.problem().empty());
	if (login.valid()) return 0;
	FUZZ_CHECK(login.username().empty() && login.password().empty());
	FUZZ_CHECK(login.problem() == "The request body is not valid JSON." ||
		login.problem() == "The request body must be a JSON object." ||
		login.problem() == "Both username and password are required." ||
		login.problem() == "The form in the request body is malformed.");
	return 0;
}
