//
// LoginRequest.cpp
//

#include "LoginRequest.h"
#include "restream/RequestBody.h"
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/MediaType.h>
#include <sstream>

namespace restream {
namespace authjwt {

namespace {

const char* const MISSING_FIELDS = "Both username and password are required.";

}

LoginRequest::LoginRequest(Poco::Net::HTTPServerRequest& request)
{
	std::string body;
	if (!readBody(request, body))
	{
		fail(Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
			"The request body is larger than " + std::to_string(MAX_BODY / 1024) + " KiB.");
		return;
	}
	bool form = false;
	try
	{
		form = Poco::Net::MediaType(request.getContentType()).matches("application", "x-www-form-urlencoded");
	}
	catch (const Poco::Exception&)
	{
		// An unreadable content type is read as JSON, like a missing one.
	}
	// `curl -d '{...}'` labels JSON as a form: a body that opens an object is JSON
	const auto first = body.find_first_not_of(" \t\r\n");
	const bool looksLikeJson = first != std::string::npos && body[first] == '{';
	if (form && !looksLikeJson)
		parseForm(body);
	else
		parseJson(body);
}

bool LoginRequest::readBody(Poco::Net::HTTPServerRequest& request, std::string& body)
{
	if (!RequestBody::isPresent(request)) return true;
	if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(MAX_DRAINED)) return false;
	std::istream& in = request.stream();
	char buffer[4096];
	std::size_t total = 0;
	while (in.good() && total <= MAX_DRAINED)
	{
		in.read(buffer, sizeof(buffer));
		const auto n = static_cast<std::size_t>(in.gcount());
		if (total + n <= MAX_BODY) body.append(buffer, n);
		total += n;
	}
	return total <= MAX_BODY;
}

void LoginRequest::parseJson(const std::string& body)
{
	Poco::JSON::Object::Ptr object;
	try
	{
		Poco::JSON::Parser parser;
		const Poco::Dynamic::Var root = parser.parse(body);
		if (root.type() == typeid(Poco::JSON::Object::Ptr)) object = root.extract<Poco::JSON::Object::Ptr>();
	}
	catch (const Poco::Exception&)
	{
		fail(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "The request body is not valid JSON.");
		return;
	}
	if (!object)
	{
		fail(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "The request body must be a JSON object.");
		return;
	}
	const Poco::Dynamic::Var username = object->get("username");
	const Poco::Dynamic::Var password = object->get("password");
	if (!username.isString() || !password.isString())
	{
		fail(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, MISSING_FIELDS);
		return;
	}
	_username = username.extract<std::string>();
	_password = password.extract<std::string>();
}

void LoginRequest::parseForm(const std::string& body)
{
	Poco::Net::HTMLForm form;
	try
	{
		std::istringstream in(body);
		form.read(in);
	}
	catch (const Poco::Exception&)
	{
		fail(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "The form in the request body is malformed.");
		return;
	}
	if (!form.has("username") || !form.has("password"))
	{
		fail(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, MISSING_FIELDS);
		return;
	}
	_username = form.get("username");
	_password = form.get("password");
}

void LoginRequest::fail(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& problem)
{
	_status = status;
	_problem = problem;
}

} // namespace authjwt
} // namespace restream
