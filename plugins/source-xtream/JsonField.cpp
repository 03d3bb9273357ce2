//
// JsonField.cpp
//

#include "JsonField.h"
#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <cmath>
#include <limits>

namespace sourcextream {

void JsonField::clear()
{
	type = Missing;
	text.clear();
	integer = 0;
	real = 0;
	boolean = false;
}

bool JsonField::toInteger(Poco::Int64& value) const
{
	switch (type)
	{
	case Integer:
		value = integer;
		return true;
	case Real:
		if (std::trunc(real) != real || std::fabs(real) >= 9.0e18) return false;
		value = static_cast<Poco::Int64>(real);
		return true;
	case Text:
	{
		const std::string digits = Poco::trim(text);
		if (digits.empty() || digits.find_first_not_of("+-0123456789") != std::string::npos) return false;
		return Poco::NumberParser::tryParse64(digits, value);
	}
	default:
		return false;
	}
}

std::string JsonField::toText() const
{
	switch (type)
	{
	case Text:
		return text;
	case Integer:
		return Poco::NumberFormatter::format(integer);
	case Real:
		return Poco::NumberFormatter::format(real);
	case Boolean:
		return boolean ? "1" : "0";
	default:
		return std::string();
	}
}

bool JsonField::toBool(bool otherwise) const
{
	switch (type)
	{
	case Boolean:
		return boolean;
	case Integer:
		return integer == 0 || integer == 1 ? integer == 1 : otherwise;
	case Text:
	{
		const std::string word = Poco::toLower(Poco::trim(text));
		if (word == "1" || word == "true") return true;
		if (word.empty() || word == "0" || word == "false") return false;
		return otherwise;
	}
	default:
		return otherwise;
	}
}

JsonField JsonField::fromVar(const Poco::Dynamic::Var& value)
{
	JsonField field;
	if (value.isEmpty())
	{
		field.type = Null;
	}
	else if (value.isString())
	{
		field.type = Text;
		field.text = value.extract<std::string>();
	}
	else if (value.isBoolean())
	{
		field.type = Boolean;
		field.boolean = value.extract<bool>();
	}
	else if (value.isInteger())
	{
		if (!value.isSigned() && value.convert<Poco::UInt64>() > static_cast<Poco::UInt64>(std::numeric_limits<Poco::Int64>::max()))
		{
			field.type = Real;
			field.real = value.convert<double>();
		}
		else
		{
			field.type = Integer;
			field.integer = value.convert<Poco::Int64>();
		}
	}
	else if (value.isNumeric())
	{
		field.type = Real;
		field.real = value.convert<double>();
	}
	else
	{
		field.type = Composite;
	}
	return field;
}

} // namespace sourcextream
