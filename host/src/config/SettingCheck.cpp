//
// SettingCheck.cpp
//

#include "config/SettingCheck.h"
#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <cmath>

namespace restream::host {

namespace {

std::string number(double value)
{
	if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
	return Poco::NumberFormatter::format(value, 2);
}

bool isDecimal(const std::string& text, bool fraction)
{
	// digits, one optional fraction; no sign, exponent, blank or hexadecimal: what a human writes
	if (text.empty() || text.size() > 20) return false;
	bool dot = false;
	for (const char c : text)
	{
		if (c == '.' && fraction && !dot)
		{
			dot = true;
			continue;
		}
		if (c < '0' || c > '9') return false;
	}
	return text.front() != '.' && text.back() != '.';
}

} // namespace

std::string SettingCheck::rule(const Setting& setting)
{
	switch (setting.type)
	{
	case Setting::Type::Integer: return "a whole number from " + number(setting.minimum) + " to " + number(setting.maximum);
	case Setting::Type::Seconds: return "a number of seconds from " + number(setting.minimum) + " to " + number(setting.maximum);
	case Setting::Type::Boolean: return "true or false";
	case Setting::Type::Url: return "empty or an http:// or https:// URL";
	case Setting::Type::List: return "a comma-separated list";
	case Setting::Type::Text:
	case Setting::Type::Secret: break;
	}
	return "any text";
}

std::string SettingCheck::problem(const Setting& setting, const std::string& raw)
{
	const std::string value = Poco::trim(raw);
	bool right = true;
	switch (setting.type)
	{
	case Setting::Type::Integer:
	case Setting::Type::Seconds:
	{
		double parsed = 0;
		right = isDecimal(value, setting.type == Setting::Type::Seconds) && Poco::NumberParser::tryParseFloat(value, parsed) &&
			parsed >= setting.minimum && parsed <= setting.maximum;
		break;
	}
	case Setting::Type::Boolean:
	{
		bool parsed = false;
		right = Poco::NumberParser::tryParseBool(value, parsed);
		break;
	}
	case Setting::Type::Url:
		if (!value.empty())
		{
			try
			{
				const Poco::URI uri(value);
				const std::string scheme = Poco::toLower(uri.getScheme());
				right = (scheme == "http" || scheme == "https") && !uri.getHost().empty();
			}
			catch (const Poco::Exception&)
			{
				right = false;
			}
		}
		break;
	case Setting::Type::Text:
	case Setting::Type::List:
	case Setting::Type::Secret: break;
	}
	if (right) return "";
	const std::string shown = setting.type == Setting::Type::Secret ? std::string("(hidden)") : "'" + raw + "'";
	return setting.key + " must be " + rule(setting) + ", not " + shown;
}

} // namespace restream::host
