//
// DeviceId.cpp
//

#include "DeviceId.h"
#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>

namespace outputhdhr {

namespace {

const Poco::UInt8 SUBSTITUTION[16] = {0xA, 0x5, 0xF, 0x6, 0x7, 0xC, 0x1, 0xB, 0x9, 0x2, 0x8, 0xD, 0x4, 0x3, 0xE, 0x0};

Poco::UInt8 checksumOfUpperNibbles(Poco::UInt32 id)
	/// The XOR of the seven upper nibbles, odd ones substituted.
{
	Poco::UInt8 sum = 0;
	for (int nibble = 7; nibble >= 1; --nibble)
	{
		const Poco::UInt8 value = static_cast<Poco::UInt8>((id >> (4 * nibble)) & 0xF);
		sum ^= (nibble % 2 == 1) ? SUBSTITUTION[value] : value;
	}
	return sum;
}

} // namespace

bool DeviceId::valid(Poco::UInt32 id)
{
	return (checksumOfUpperNibbles(id) ^ (id & 0xF)) == 0;
}

Poco::UInt32 DeviceId::withCheckDigit(Poco::UInt32 id)
{
	return (id & 0xFFFFFFF0u) | checksumOfUpperNibbles(id);
}

std::string DeviceId::format(Poco::UInt32 id)
{
	std::string text = Poco::NumberFormatter::formatHex(id, 8);
	for (char& c : text)
		if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
	return text;
}

bool DeviceId::parse(const std::string& text, Poco::UInt32& id)
{
	if (text.size() != 8) return false;
	for (const char c : text)
	{
		const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
		if (!hex) return false;
	}
	unsigned value = 0;
	if (!Poco::NumberParser::tryParseHex(text, value)) return false;
	id = static_cast<Poco::UInt32>(value);
	return true;
}

} // namespace outputhdhr
