//
// StreamId.cpp
//

#include "StreamId.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

namespace uiadmin {

bool StreamId::read(const Poco::Dynamic::Var& value, Poco::Int64& id)
{
	if (!value.isInteger() || value.isBoolean()) return false; // a bool is an integer for Poco::Dynamic::Var
	Poco::Int64 number = 0;
	try
	{
		number = value.convert<Poco::Int64>();
	}
	catch (const Poco::Exception&)
	{
		return false; // 18446744073709551615 is an integer, but no Int64
	}
	if (number <= 0 || number > MAX) return false;
	id = number;
	return true;
}

bool StreamId::parse(const std::string& text, Poco::Int64& id)
{
	if (text.empty() || text.size() > 16 || text[0] == '0' || text.find_first_not_of("0123456789") != std::string::npos) return false;
	Poco::Int64 number = 0;
	if (!Poco::NumberParser::tryParse64(text, number) || number > MAX) return false;
	id = number;
	return true;
}

} // namespace uiadmin
