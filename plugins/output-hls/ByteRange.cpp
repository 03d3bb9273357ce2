//
// ByteRange.cpp
//

#include "ByteRange.h"
#include <Poco/NumberParser.h>
#include <Poco/String.h>

namespace outputhls {

ByteRange::ByteRange(Kind kind, std::size_t first, std::size_t last):
	_kind(kind),
	_first(first),
	_last(last)
{
}

ByteRange ByteRange::parse(const std::string& header, std::size_t size)
{
	static const std::string unit = "bytes=";
	const ByteRange whole(Kind::Whole, 0, 0);
	const ByteRange unsatisfiable(Kind::Unsatisfiable, 0, 0);

	const std::string text = Poco::trim(header);
	if (text.size() <= unit.size() || Poco::icompare(text.substr(0, unit.size()), unit) != 0) return whole;
	const std::string spec = Poco::trim(text.substr(unit.size()));
	const std::size_t dash = spec.find('-');
	if (dash == std::string::npos || spec.find(',') != std::string::npos) return whole;
	const std::string from = Poco::trim(spec.substr(0, dash));
	const std::string to = Poco::trim(spec.substr(dash + 1));

	std::size_t first = 0;
	std::size_t last = 0;
	if (from.empty())
	{
		// the last n bytes
		std::size_t count = 0;
		if (!parseNumber(to, count)) return whole;
		if (count == 0 || size == 0) return unsatisfiable;
		first = count >= size ? 0 : size - count;
		return ByteRange(Kind::Partial, first, size - 1);
	}
	if (!parseNumber(from, first)) return whole;
	if (to.empty())
	{
		last = size == 0 ? 0 : size - 1;
	}
	else
	{
		if (!parseNumber(to, last) || last < first) return whole;
		if (size > 0 && last >= size) last = size - 1;
	}
	if (first >= size) return unsatisfiable;
	return ByteRange(Kind::Partial, first, last);
}

ByteRange::Kind ByteRange::kind() const
{
	return _kind;
}

std::size_t ByteRange::first() const
{
	return _first;
}

std::size_t ByteRange::last() const
{
	return _last;
}

std::size_t ByteRange::length() const
{
	return _kind == Kind::Partial ? _last - _first + 1 : 0;
}

bool ByteRange::parseNumber(const std::string& text, std::size_t& value)
{
	if (text.empty() || text.size() > 19) return false;
	for (const char c : text)
	{
		if (c < '0' || c > '9') return false;
	}
	Poco::UInt64 number = 0;
	if (!Poco::NumberParser::tryParseUnsigned64(text, number)) return false;
	value = static_cast<std::size_t>(number);
	return true;
}

} // namespace outputhls
