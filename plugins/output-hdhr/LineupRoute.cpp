//
// LineupRoute.cpp
//

#include "LineupRoute.h"
#include "PlaybackPicker.h"
#include <Poco/UTF8String.h>

namespace outputhdhr {

LineupRoute::LineupRoute(std::shared_ptr<Lineup> lineup, const restream::PlaybackUrls& urls, Poco::Logger& logger):
	TunerRoute("GET", "/lineup.json", "The HDHomeRun channel lineup: GuideNumber, GuideName and MPEG-TS URL", false, logger),
	_lineup(std::move(lineup)),
	_urls(urls)
{
}

void LineupRoute::appendJsonString(std::string& out, const std::string& text)
{
	out += '"';
	out += Poco::UTF8::escape(text, true);
	out += '"';
}

void LineupRoute::serve(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	const auto lineup = _lineup->current();
	auto body = std::make_shared<std::string>();
	body->reserve(lineup->entries.size() * 160 + 2);
	*body += '[';
	for (const auto& entry : lineup->entries)
	{
		const std::string url = PlaybackPicker::channelUrl(_urls, entry.channel.streamId, "ts", request);
		if (url.empty())
			return response.sendError(503, "no loaded output serves MPEG-TS channels (load output-ts): the tuner has nothing to tune");
		if (body->size() > 1) *body += ',';
		*body += "{\"GuideNumber\":";
		appendJsonString(*body, entry.guideNumber);
		*body += ",\"GuideName\":";
		appendJsonString(*body, entry.channel.name);
		*body += ",\"URL\":";
		appendJsonString(*body, url);
		if (entry.hd) *body += ",\"HD\":1";
		*body += '}';
	}
	*body += ']';
	response.send(200, {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store"}}, std::move(body));
}

} // namespace outputhdhr
