//
// PageTemplate.h
//
// Pages rendered on the server from embedded templates and translated strings.
//

#ifndef restream_PageTemplate_INCLUDED
#define restream_PageTemplate_INCLUDED

#include <Poco/JSON/Object.h>
#include <map>
#include <string>

namespace restream {

class PageTemplate
	/// A template with {{key}} placeholders, e.g. an embedded WebAsset's text.
	/// Each placeholder is replaced by values[key] if present, else by the
	/// language's string of that name, else by the key itself (a missing
	/// translation shows, it does not break the page). Every replacement is
	/// HTML-escaped: a value can never open a tag or leave a quoted
	/// attribute. Header-only.
	/// Immutable; any thread. Errors: none.
{
public:
	explicit PageTemplate(std::string text):
		_text(std::move(text))
	{
	}

	std::string render(const std::map<std::string, std::string>& values, const Poco::JSON::Object& strings) const
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
			rendered += escapeHtml(value != values.end() ? value->second : strings.optValue<std::string>(key, key));
			at = close + 2;
		}
		rendered.append(_text, at, std::string::npos);
		return rendered;
	}

	static std::string escapeHtml(const std::string& text)
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

private:
	std::string _text;
};

} // namespace restream

#endif // restream_PageTemplate_INCLUDED
