//
// PageTemplate.cpp
//

#include "PageTemplate.h"

namespace restream {
namespace admin {

PageTemplate::PageTemplate(std::string text):
	_text(std::move(text))
{
}

std::string PageTemplate::render(const std::map<std::string, std::string>& values, const Poco::JSON::Object& strings) const
{
	std::string rendered;
	rendered.reserve(_text.size() + 1024);
	std::size_t at = 0;
	for (;;)
	{
		const auto open = _text.find("{{", at);
		if (open == std::string::npos) break;
		const auto close = _text.find("}}", open);
		if (close == std::string::npos) break;
		rendered.append(_text, at, open - at);
		const std::string key = _text.substr(open + 2, close - open - 2);
		const auto value = values.find(key);
		if (value != values.end())
			rendered += escapeHtml(value->second);
		else
			rendered += escapeHtml(strings.optValue<std::string>(key, key));
		at = close + 2;
	}
	rendered.append(_text, at, std::string::npos);
	return rendered;
}

std::string PageTemplate::escapeHtml(const std::string& text)
{
	std::string escaped;
	escaped.reserve(text.size());
	for (const char c : text)
	{
		switch (c)
		{
		case '&': escaped += "&amp;"; break;
		case '<': escaped += "&lt;"; break;
		case '>': escaped += "&gt;"; break;
		case '"': escaped += "&quot;"; break;
		case '\'': escaped += "&#39;"; break;
		default: escaped += c;
		}
	}
	return escaped;
}

} // namespace admin
} // namespace restream
