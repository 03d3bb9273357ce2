//
// GuideWriter.cpp
//
// Library: fakeprovider
//


#include "GuideWriter.h"
#include "Poco/DateTimeFormatter.h"
#include "Poco/Format.h"
#include "Poco/NumberFormatter.h"
#include <algorithm>


namespace fakeprovider {


namespace {


const int SLOT_SECONDS = 15 * 60;
const int SLOTS_PER_HOUR = 4;


struct Show
{
	const char* title;
	const char* summary;
	const char* category;
};


const Show SHOWS[] = {
	{"Journal de 13 h", "L'essentiel de l'actualité, en France et dans le monde.", "Info"},
	{"Questions & Réponses", "Les téléspectateurs interrogent les invités du jour.", "Magazine"},
	{"Le \"Grand\" Débat", "Deux camps, un arbitre et des chiffres vérifiés.", "Débat"},
	{"C'est l'été !", "Plages, festivals et recettes de saison.", "Société"},
	{"Sport Extrême <Direct>", "Glisse, escalade et sauts : les meilleurs moments.", "Sport"},
	{"Documentaire : l'océan", "Au large des côtes bretonnes, la vie sous la surface.", "Documentaire"},
	{"Ciné-club", "Un classique restauré, présenté par un critique.", "Film"},
	{"Dessins animés", "Une heure d'aventures pour les plus jeunes.", "Jeunesse"}
};

const int SLOT_COUNTS[] = {2, 3, 4, 6, 1, 8, 2, 4}; // programme lengths: 30, 45, 60, 90, 15, 120, 30, 60 min


std::string formatSlot(const Poco::Timestamp& time, const PanelTimeZone& zone)
	/// "YYYYMMDDhhmmss +hhmm".
{
	const int offset = zone.offsetSeconds(time);
	const int minutes = (offset < 0 ? -offset : offset) / 60;
	return Poco::DateTimeFormatter::format(zone.localTime(time), "%Y%m%d%H%M%S")
		+ Poco::format(" %c%02d%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}


} // namespace


GuideWriter::GuideWriter(const Catalog& catalog, const std::string& baseUrl, const PanelTimeZone& zone, int channels, int hours):
	_catalog(catalog),
	_baseUrl(baseUrl),
	_zone(zone),
	_channels(channels),
	_hours(hours)
{
}


void GuideWriter::write(std::ostream& out, const Poco::Timestamp& now)
{
	const Poco::Timestamp::TimeVal offset = static_cast<Poco::Timestamp::TimeVal>(_zone.offsetSeconds(now)) * Poco::Timestamp::resolution();
	const Poco::Timestamp::TimeVal hour = 3600 * Poco::Timestamp::resolution();
	const Poco::Timestamp start((now.epochMicroseconds() + offset) / hour * hour - offset);
	_slots.clear();
	for (int i = 0; i <= _hours * SLOTS_PER_HOUR; ++i)
	{
		_slots.push_back(formatSlot(start + static_cast<Poco::Timestamp::TimeDiff>(i) * SLOT_SECONDS * Poco::Timestamp::resolution(), _zone));
	}

	_buffer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n"
		"<tv generator-info-name=\"fake-xtream\" generator-info-url=\"" + escape(_baseUrl + "/") + "\">\n";
	const bool complete = forEachChannel([&](const Channel& channel, std::size_t)
	{
		_buffer += "<channel id=\"" + channel.id + "\"><display-name>" + channel.name + "</display-name>";
		if (!channel.iconUrl.empty()) _buffer += "<icon src=\"" + channel.iconUrl + "\"/>";
		_buffer += "</channel>\n";
		return flush(out, false);
	}) && forEachChannel([&](const Channel& channel, std::size_t ordinal)
	{
		writeProgrammes(channel, ordinal);
		return flush(out, false);
	});
	if (!complete) return;
	_buffer += "</tv>\n";
	flush(out, true);
}


std::string GuideWriter::escape(const std::string& text)
{
	std::string escaped;
	escaped.reserve(text.size());
	for (const char c: text)
	{
		switch (c)
		{
		case '&': escaped += "&amp;"; break;
		case '<': escaped += "&lt;"; break;
		case '>': escaped += "&gt;"; break;
		case '"': escaped += "&quot;"; break;
		case '\'': escaped += "&apos;"; break;
		default: escaped += c;
		}
	}
	return escaped;
}


bool GuideWriter::forEachChannel(const std::function<bool(const Channel& channel, std::size_t ordinal)>& visit) const
{
	const std::size_t wanted = static_cast<std::size_t>(_channels);
	std::size_t ordinal = 0;
	for (std::size_t i = 0; i < _catalog.channelCount() && (wanted == 0 || ordinal < wanted); ++i)
	{
		const Catalog::Channel entry = _catalog.channelAt(i);
		if (entry.epgChannelId.empty()) continue;
		Channel channel;
		channel.id = escape(entry.epgChannelId);
		channel.name = escape(entry.name);
		if (entry.hasLogo) channel.iconUrl = escape(_baseUrl + "/logos/" + Poco::NumberFormatter::format(entry.streamId) + ".png");
		if (!visit(channel, ordinal++)) return false;
	}
	for (; ordinal < wanted; ++ordinal)
	{
		Channel channel;
		channel.id = Poco::format("guide%z.epg", ordinal + 1);
		channel.name = Poco::format("Guide %z", ordinal + 1);
		if (!visit(channel, ordinal)) return false;
	}
	return true;
}


void GuideWriter::writeProgrammes(const Channel& channel, std::size_t ordinal)
{
	static const std::size_t showCount = sizeof(SHOWS) / sizeof(SHOWS[0]);
	static const std::size_t lengthCount = sizeof(SLOT_COUNTS) / sizeof(SLOT_COUNTS[0]);
	static const std::vector<std::string> titles = []
	{
		std::vector<std::string> escaped;
		for (const auto& show: SHOWS) escaped.push_back(escape(show.title));
		return escaped;
	}();
	static const std::vector<std::string> summaries = []
	{
		std::vector<std::string> escaped;
		for (const auto& show: SHOWS) escaped.push_back(escape(show.summary));
		return escaped;
	}();

	const std::size_t lastSlot = _slots.size() - 1;
	std::size_t slot = 0;
	for (std::size_t programme = 0; slot < lastSlot; ++programme)
	{
		const std::size_t show = (ordinal + programme) % showCount;
		const std::size_t end = std::min(lastSlot, slot + static_cast<std::size_t>(SLOT_COUNTS[(ordinal + programme) % lengthCount]));
		_buffer += "<programme start=\"" + _slots[slot] + "\" stop=\"" + _slots[end] + "\" channel=\"" + channel.id + "\">";
		_buffer += "<title lang=\"fr\">" + titles[show] + "</title>";
		_buffer += "<desc lang=\"fr\">" + summaries[show] + " Épisode " + Poco::NumberFormatter::format(programme + 1) + ".</desc>";
		_buffer += "<category lang=\"fr\">" + std::string(SHOWS[show].category) + "</category></programme>\n";
		slot = end;
	}
}


bool GuideWriter::flush(std::ostream& out, bool whole)
{
	if (!whole && _buffer.size() < PIECE) return true;
	out.write(_buffer.data(), static_cast<std::streamsize>(_buffer.size()));
	_buffer.clear();
	return static_cast<bool>(out);
}


} // namespace fakeprovider
