//
// AcceptLanguage.h
//
// Choosing a page's language from the browser's Accept-Language header.
//

#ifndef restream_AcceptLanguage_INCLUDED
#define restream_AcceptLanguage_INCLUDED

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <string>
#include <vector>

namespace restream {

class AcceptLanguage
	/// Picks one of the languages a page is written in. Header-only.
	/// Threads: stateless. Errors: none; a malformed header gives the fallback.
{
public:
	static std::string choose(const std::string& header, const std::vector<std::string>& supported, const std::string& fallback)
		/// The supported language (primary subtag, lower case: "fr", "en")
		/// with the highest q-value in header ("fr-CA,fr;q=0.9,en;q=0.8");
		/// ties go to the earlier entry; "*" means fallback. Returns
		/// fallback when nothing matches.
	{
		std::string best = fallback;
		double bestQuality = 0;
		Poco::StringTokenizer entries(header, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
		for (const auto& entry : entries)
		{
			Poco::StringTokenizer parts(entry, ";", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
			if (parts.count() == 0) continue;
			std::string language = Poco::toLower(parts[0]);
			const auto dash = language.find('-');
			if (dash != std::string::npos) language.erase(dash);
			double quality = 1;
			for (std::size_t i = 1; i < parts.count(); ++i)
			{
				if (parts[i].compare(0, 2, "q=") == 0 && !Poco::NumberParser::tryParseFloat(parts[i].substr(2), quality)) quality = 0;
			}
			if (language == "*") language = fallback;
			bool known = false;
			for (const auto& candidate : supported) known = known || candidate == language;
			if (known && quality > bestQuality)
			{
				best = language;
				bestQuality = quality;
			}
		}
		return best;
	}
};

} // namespace restream

#endif // restream_AcceptLanguage_INCLUDED
