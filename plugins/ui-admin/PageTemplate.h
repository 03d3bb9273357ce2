//
// PageTemplate.h
//
// Pages rendered on the server from embedded templates and translated strings.
//

#ifndef restream_admin_PageTemplate_INCLUDED
#define restream_admin_PageTemplate_INCLUDED

#include <Poco/JSON/Object.h>
#include <map>
#include <string>

namespace restream {
namespace admin {

class PageTemplate
	/// A template with {{key}} placeholders. Each placeholder is replaced by
	/// values[key] if present, else by the language's string of that name,
	/// else by the key itself (a missing translation shows, it does not
	/// break the page). Every replacement is HTML-escaped: a value can never
	/// open a tag or leave an attribute.
	/// Immutable; any thread. Errors: none.
{
public:
	explicit PageTemplate(std::string text);

	std::string render(const std::map<std::string, std::string>& values, const Poco::JSON::Object& strings) const;

	static std::string escapeHtml(const std::string& text);

private:
	std::string _text;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_PageTemplate_INCLUDED
