//
// RequestFields.cpp
//

#include "api/RequestFields.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

namespace restream::host {

bool RequestFields::object(const RouteRequest& request, RouteResponse& response, Poco::JSON::Object::Ptr& body)
{
	if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
	{
		body = new Poco::JSON::Object;
		return true;
	}
	try
	{
		Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(request.body);
		if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
		{
			body = parsed.extract<Poco::JSON::Object::Ptr>();
			return true;
		}
	}
	catch (const Poco::Exception&)
	{
		// answered below
	}
	catch (const std::exception&)
	{
		// Poco's parser lets some standard exceptions through (out of range numbers)
	}
	response.sendError(400, "The body must be a JSON object");
	return false;
}

bool RequestFields::streamId(const Poco::Dynamic::Var& value, Poco::Int64& streamId)
{
	try
	{
		if (value.isEmpty() || !value.isInteger() || value.isString()) return false;
		if (!value.isSigned())
		{
			const Poco::UInt64 unsignedId = value.convert<Poco::UInt64>();
			if (unsignedId == 0 || unsignedId > static_cast<Poco::UInt64>(MAX_STREAM_ID)) return false;
			streamId = static_cast<Poco::Int64>(unsignedId);
			return true;
		}
		const Poco::Int64 signedId = value.convert<Poco::Int64>();
		if (signedId <= 0 || signedId > MAX_STREAM_ID) return false;
		streamId = signedId;
		return true;
	}
	catch (const Poco::Exception&)
	{
		return false;
	}
}

bool RequestFields::wholeNumber(const std::string& text, Poco::Int64 minimum, Poco::Int64 maximum, Poco::Int64& value)
{
	if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return false;
	if (text.size() > 1 && text[0] == '0') return false;
	Poco::Int64 parsed = 0;
	if (!Poco::NumberParser::tryParse64(text, parsed) || parsed < minimum || parsed > maximum) return false;
	value = parsed;
	return true;
}

} // namespace restream::host
