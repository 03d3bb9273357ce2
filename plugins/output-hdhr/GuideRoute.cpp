//
// GuideRoute.cpp
//

#include "GuideRoute.h"
#include "EmptyGuide.h"
#include <Poco/DeflatingStream.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <sstream>

namespace outputhdhr {

GuideRoute::GuideRoute(std::shared_ptr<Lineup> lineup, std::shared_ptr<GuideCache> cache, Poco::Logger& logger):
	TunerRoute("GET", "/epg.xml", "The XMLTV guide of the lineup's channels (gzip when accepted)", false, logger),
	_lineup(std::move(lineup)),
	_cache(std::move(cache))
{
}

bool GuideRoute::acceptsGzip(const std::string& acceptEncoding)
{
	const Poco::StringTokenizer codings(acceptEncoding, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const auto& coding : codings)
	{
		const Poco::StringTokenizer parts(coding, ";", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
		if (parts.count() == 0) continue;
		const std::string name = Poco::toLower(parts[0]);
		if (name != "gzip" && name != "x-gzip" && name != "*") continue;
		double quality = 1;
		for (std::size_t i = 1; i < parts.count(); ++i)
		{
			const std::string parameter = Poco::toLower(Poco::trim(parts[i]));
			if (parameter.compare(0, 2, "q=") == 0 && !Poco::NumberParser::tryParseFloat(parameter.substr(2), quality)) quality = 0;
		}
		if (quality > 0) return true;
	}
	return false;
}

void GuideRoute::serve(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	const auto lineup = _lineup->current();
	_cache->want(lineup);
	const bool gzip = acceptsGzip(request.header("Accept-Encoding"));
	restream::RouteResponse::Headers headers = {
		{"Content-Type", "application/xml; charset=utf-8"}, {"Cache-Control", "no-cache"}, {"Vary", "Accept-Encoding"}};
	if (gzip) headers.emplace_back("Content-Encoding", "gzip");
	if (auto guide = _cache->read(gzip)) return response.send(200, headers, std::move(guide));

	const std::string channels = EmptyGuide::write(*lineup);
	if (!gzip) return response.send(200, headers, std::make_shared<const std::string>(channels));
	std::ostringstream packed;
	{
		Poco::DeflatingOutputStream deflater(packed, Poco::DeflatingStreamBuf::STREAM_GZIP);
		deflater << channels;
		deflater.close();
	}
	response.send(200, headers, std::make_shared<const std::string>(packed.str()));
}

} // namespace outputhdhr
