//
// LoginRequest.cpp
//

#include "LoginRequest.h"
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MediaType.h>
#include <sstream>

namespace authjwt {

namespace {

const char* const MISSING_FIELDS = "Both username and password are required.";

}

LoginRequest::LoginRequest(const restream::RouteRequest& request)
{
	bool form = false;
	try
	{
		form = Poco::Net::MediaType(request.header("Content-Type")).matches("application", "x-www-form-urlencoded");
	}
	catch (const Poco::Exception&)
	{
		// An unreadable content type is read as JSON, like a missing one.
	}
	// `curl -d '{...}'` labels JSON as a form: a body that opens an object is JSON
	const std::string& body = request.body;
	const auto first = body.find_first_not_of(" \t\r\n");
	const bool looksLikeJson = first != std::string::npos && body[first] == '{';
	if (form && !looksLikeJson)
		parseForm(body);
	else
		parseJson(body);
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
	catch (const std::exception&)
	{
		_problem = "The request body is not valid JSON.";
		return;
	}
	if (!object)
	{
		_problem = "The request body must be a JSON object.";
		return;
	}
	const Poco::Dynamic::Var username = object->get("username");
	const Poco::Dynamic::Var password = object->get("password");
	if (!username.isString() || !password.isString())
	{
		_problem = MISSING_FIELDS;
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
	catch (const std::exception&)
	{
		_problem = "The form in the request body is malformed.";
		return;
	}
	if (!form.has("username") || !form.has("password"))
	{
		_problem = MISSING_FIELDS;
		return;
	}
	_username = form.get("username");
	_password = form.get("password");
}

} // namespace authjwt
