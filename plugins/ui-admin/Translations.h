//
// Translations.h
//
// The admin's sentences in English and French, and a request's language.
//

#ifndef uiadmin_Translations_INCLUDED
#define uiadmin_Translations_INCLUDED

#include "restream/RouteRequest.h"
#include "restream/WebAssets.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <vector>

namespace uiadmin {

class Translations
	/// The strings of the embedded strings.json ("/_strings.json"), one
	/// table per language, shared by the pages (server side) and the
	/// dashboard's script (bundled). A request's language is the LANGUAGE
	/// cookie's when it names one (the user chose with ?lang=), else the
	/// best of Accept-Language, else English.
	///
	/// Immutable after construction; any thread.
	/// Errors: the constructor throws Poco::NotFoundException or
	/// Poco::DataFormatException when the strings are missing, do not parse
	/// or lack a language (a broken build).
{
public:
	explicit Translations(const restream::WebAssets& assets);

	static const std::vector<std::string>& languages();
		/// "en", "fr".

	static bool isLanguage(const std::string& language);

	std::string languageOf(const restream::RouteRequest& request) const;

	std::string text(const std::string& language, const std::string& key) const;
		/// The sentence key in language; the key itself when it has none (a
		/// missing translation shows, it does not break the page).

	const Poco::JSON::Object& table(const std::string& language) const;
		/// Every string of language, for PageTemplate::render().

private:
	std::map<std::string, Poco::JSON::Object::Ptr> _tables;
};

} // namespace uiadmin

#endif // uiadmin_Translations_INCLUDED
