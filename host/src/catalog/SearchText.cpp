//
// SearchText.cpp
//

#include "catalog/SearchText.h"
#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Unicode.h>

namespace restream::host {

namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lower case.
// '\0' marks characters that fold to something longer or are not letters (handled below).
const char latinBase[] =
	// U+00C0..U+00FF
	"aaaaaaacee" "eeiiiidnoo" "ooo\0ouuuuy" "\0\0aaaaaaac" "eeeeiiiidn" "ooooo\0ouuu" "uy\0y"
	// U+0100..U+017F
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhh" "iiiiiiiiii\0\0jjkkkllllllllllnnnnnnnnnoooooo\0\0rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

void appendUtf8(std::string& out, int codePoint)
{
	unsigned char buffer[4];
	Poco::UTF8Encoding utf8;
	const int length = utf8.convert(codePoint, buffer, sizeof(buffer));
	out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length > 0 ? length : 0));
}

} // namespace

std::string SearchText::fold(const std::string& text)
{
	Poco::UTF8Encoding utf8;
	std::string folded;
	folded.reserve(text.size());
	Poco::TextIterator it(text, utf8), end(text);
	for (; it != end; ++it)
	{
		const int codePoint = *it;
		if (codePoint < 0) continue;
		if (codePoint < 0x80)
		{
			folded += static_cast<char>(codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint);
			continue;
		}
		switch (codePoint)
		{
		case 0x00C6: case 0x00E6: folded += "ae"; continue; // Æ æ
		case 0x0152: case 0x0153: folded += "oe"; continue; // Œ œ
		case 0x00DF: folded += "ss"; continue;              // ß
		case 0x00D8: case 0x00F8: folded += 'o'; continue;  // Ø ø
		case 0x00DE: case 0x00FE: folded += "th"; continue; // Þ þ
		default: break;
		}
		if (codePoint >= 0x00C0 && codePoint <= 0x017F)
		{
			const char base = latinBase[codePoint - 0x00C0];
			if (base != '\0')
			{
				folded += base;
				continue;
			}
		}
		appendUtf8(folded, Poco::Unicode::toLower(codePoint));
	}
	return folded;
}

} // namespace restream::host
