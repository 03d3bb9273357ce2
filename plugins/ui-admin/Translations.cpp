//
// Translations.cpp
//

#include "Translations.h"
#include "Cookies.h"
#include "restream/AcceptLanguage.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <algorithm>

namespace uiadmin {

Translations::Translations(const restream::WebAssets& assets)
{
	const restream::WebAsset* strings = assets.find("/_strings.json");
	if (!strings) throw Poco::NotFoundException("the admin's strings are missing from the plugin (a broken build)");
	const auto all = Poco::JSON::Parser().parse(restream::WebAssets::text(*strings)).extract<Poco::JSON::Object::Ptr>();
	for (const auto& language : languages())
	{
		auto table = all->getObject(language);
		if (!table) throw Poco::DataFormatException("the admin's strings lack the language " + language);
		_tables[language] = table;
	}
}

const std::vector<std::string>& Translations::languages()
{
	static const std::vector<std::string> supported = {"en", "fr"};
	return supported;
}

bool Translations::isLanguage(const std::string& language)
{
	return std::find(languages().begin(), languages().end(), language) != languages().end();
}

std::string Translations::languageOf(const restream::RouteRequest& request) const
{
	const std::string chosen = Cookies::read(request, Cookies::LANGUAGE);
	if (isLanguage(chosen)) return chosen;
	return restream::AcceptLanguage::choose(request.header("Accept-Language"), languages(), "en");
}

std::string Translations::text(const std::string& language, const std::string& key) const
{
	return table(language).optValue<std::string>(key, key);
}

const Poco::JSON::Object& Translations::table(const std::string& language) const
{
	const auto found = _tables.find(language);
	return *(found != _tables.end() ? found->second : _tables.at("en"));
}

} // namespace uiadmin
