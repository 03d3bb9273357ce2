//
// JsonRepair.cpp
//

#include "JsonRepair.h"

namespace sourcextream {

std::size_t JsonRepair::repair(std::string& json)
{
	std::string mended;
	std::size_t changed = 0;
	std::size_t copiedUpTo = 0; // json[copiedUpTo, at) still to be appended to mended
	bool inString = false;
	bool escaped = false;
	std::size_t at = 0;
	while (at < json.size())
	{
		const auto byte = static_cast<unsigned char>(json[at]);
		std::size_t length = 1;
		std::string replacement;
		if (byte < 0x80)
		{
			if (inString)
			{
				if (escaped) escaped = false;
				else if (byte == '\\') escaped = true;
				else if (byte == '"') inString = false;
				else if (byte < 0x20) replacement = " ";
			}
			else if (byte == '"')
			{
				inString = true;
			}
		}
		else
		{
			escaped = false;
			length = sequenceLength(json, at);
			if (length == 0)
			{
				length = 1;
				if (byte >= 0xA0)
				{
					replacement += static_cast<char>(0xC0 | (byte >> 6));
					replacement += static_cast<char>(0x80 | (byte & 0x3F));
				}
				else
				{
					replacement = "\xEF\xBF\xBD";
				}
			}
		}
		if (!replacement.empty())
		{
			if (mended.empty()) mended.reserve(json.size() + json.size() / 8);
			mended.append(json, copiedUpTo, at - copiedUpTo);
			mended += replacement;
			copiedUpTo = at + 1;
			++changed;
		}
		at += length;
	}
	if (changed == 0) return 0;
	mended.append(json, copiedUpTo, std::string::npos);
	json.swap(mended);
	return changed;
}

std::size_t JsonRepair::sequenceLength(const std::string& text, std::size_t at)
{
	const auto lead = static_cast<unsigned char>(text[at]);
	std::size_t length = 0;
	unsigned int codePoint = 0;
	if (lead < 0x80) return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
	{
		length = 2;
		codePoint = lead & 0x1F;
	}
	else if (lead >= 0xE0 && lead <= 0xEF)
	{
		length = 3;
		codePoint = lead & 0x0F;
	}
	else if (lead >= 0xF0 && lead <= 0xF4)
	{
		length = 4;
		codePoint = lead & 0x07;
	}
	else
	{
		return 0;
	}
	if (at + length > text.size()) return 0;
	for (std::size_t i = 1; i < length; ++i)
	{
		const auto next = static_cast<unsigned char>(text[at + i]);
		if ((next & 0xC0) != 0x80) return 0;
		codePoint = (codePoint << 6) | (next & 0x3F);
	}
	const bool overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
	const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
	if (overlong || surrogate || codePoint > 0x10FFFF) return 0;
	return length;
}

} // namespace sourcextream
