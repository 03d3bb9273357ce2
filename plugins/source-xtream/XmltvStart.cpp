//
// XmltvStart.cpp
//

#include "XmltvStart.h"
#include <Poco/String.h>

namespace sourcextream {

namespace {

const char* const BLANKS = " \t\r\n";
const char* const NO_ROOT = "no <tv> element in its first 4 KiB";

bool isHtmlElement(const std::string& name)
{
	const std::string lower = Poco::toLower(name);
	return lower == "html" || lower == "head" || lower == "body";
}

} // namespace

std::string XmltvStart::problem(const std::string& start)
{
	std::size_t at = Poco::startsWith(start, std::string("\xEF\xBB\xBF")) ? 3 : 0;
	for (;;)
	{
		at = start.find_first_not_of(BLANKS, at);
		if (at == std::string::npos) return "an empty answer";
		if (start[at] == '{' || start[at] == '[') return "JSON";
		if (start[at] != '<') return "the text \"" + excerpt(start, at) + "\"";

		std::string end;
		if (start.compare(at, 2, "<?") == 0) end = "?>";
		else if (start.compare(at, 4, "<!--") == 0) end = "-->";
		else if (Poco::icompare(start.substr(at, 9), "<!DOCTYPE") == 0)
		{
			const std::size_t name = start.find_first_not_of(BLANKS, at + 9);
			if (name != std::string::npos && isHtmlElement(start.substr(name, 4))) return "an HTML page";
			end = ">";
		}
		if (!end.empty())
		{
			const std::size_t close = start.find(end, at + 2);
			if (close == std::string::npos) return NO_ROOT;
			at = close + end.size();
			continue;
		}

		const std::size_t nameEnd = start.find_first_of(" \t\r\n/>", at + 1);
		if (nameEnd == std::string::npos) return NO_ROOT;
		const std::string name = start.substr(at + 1, nameEnd - at - 1);
		if (name == "tv") return "";
		if (isHtmlElement(name)) return "an HTML page";
		return "an XML document whose root is <" + excerpt(name, 0) + ">";
	}
}

std::string XmltvStart::excerpt(const std::string& text, std::size_t from)
{
	std::string part = text.substr(from, 40);
	part = part.substr(0, part.find_first_of("\r\n"));
	for (char& c : part)
	{
		if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
	}
	return Poco::trim(part);
}

} // namespace sourcextream
