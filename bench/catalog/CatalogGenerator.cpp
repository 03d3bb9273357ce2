//
// CatalogGenerator.cpp
//

#include "CatalogGenerator.h"
#include <Poco/UTF8Encoding.h>
#include <Poco/TextIterator.h>
#include <cstdio>

namespace restream {
namespace xtream {
namespace bench {

namespace {

const char* const PREFIXES[] = {"FR| ", "FR: ", "UK| ", "DE| ", "ES| ", "AR| ", "RU| ", "JP| ", "4K ★ ", ""};

const char* const NAMES[] = {"TF1 HD", "France 2", "Télé Matin", "Ça Commence Aujourd'hui", "ARTE Français", "Das Erste HD",
	"ZDF Küche & Genuss", "Canal+ Décalé", "RTL Télé Lëtzebuerg", "España Directo", "Россия 1", "Первый канал", "العربية",
	"الجزيرة الوثائقية", "日本テレビ", "ＮＨＫ総合", "⚽ beIN Sports 1", "🎬 Cinéma Frisson", "Cuisine \"Live\"", "Ελληνική Τηλεόραση",
	"Čeština Nova", "Polsat Sport Extra", "Türkiye TRT 1", "中央电视台 CCTV-1", "Música 🎵 Hits"};

const std::size_t PREFIX_COUNT = sizeof(PREFIXES) / sizeof(PREFIXES[0]);
const std::size_t NAME_COUNT = sizeof(NAMES) / sizeof(NAMES[0]);

} // namespace

std::string CatalogGenerator::liveStreams(const Options& options)
{
	std::string out;
	out.reserve(options.channels * 420 + 2);
	out += '[';
	for (std::size_t i = 0; i < options.channels; ++i)
	{
		const std::string id = std::to_string(streamId(i));
		const std::string category = std::to_string(1 + i % 40);
		const std::string slug = "ch" + std::to_string(i);
		if (i > 0) out += ',';
		out += "{\"num\":" + std::to_string(i + 1) + ",\"name\":";
		appendString(out, name(i), options.phpEscapes);
		out += ",\"stream_type\":\"live\",\"stream_id\":";
		out += options.idsAsStrings ? "\"" + id + "\"" : id;
		out += ",\"stream_icon\":";
		appendString(out, "http://logos.example-cdn.net/picons/" + slug + "/logo_" + id + ".png", options.phpEscapes);
		out += ",\"epg_channel_id\":";
		if (i % 7 == 3) out += "null";
		else appendString(out, slug + ".example.tv", options.phpEscapes);
		out += ",\"added\":\"" + std::to_string(1700000000 + i * 17) + "\",\"is_adult\":\"0\",\"category_id\":\"" + category +
			"\",\"category_ids\":[" + category + "],\"custom_sid\":" + (i % 5 == 0 ? "null" : "\"\"") +
			",\"tv_archive\":" + (i % 9 == 0 ? "1" : "0") + ",\"direct_source\":\"\",\"tv_archive_duration\":" +
			(i % 9 == 0 ? "\"7\"" : "0") + ",\"thumbnail\":\"\"}";
	}
	out += ']';
	return out;
}

std::string CatalogGenerator::name(std::size_t index)
{
	return std::string(PREFIXES[index % PREFIX_COUNT]) + NAMES[(index / PREFIX_COUNT) % NAME_COUNT] + " " + std::to_string(index + 1);
}

Poco::Int64 CatalogGenerator::streamId(std::size_t index)
{
	return 100000 + static_cast<Poco::Int64>(index) * 3;
}

void CatalogGenerator::appendString(std::string& out, const std::string& text, bool phpEscapes)
{
	out += '"';
	Poco::UTF8Encoding utf8;
	Poco::TextIterator it(text, utf8);
	Poco::TextIterator end(text);
	for (; it != end; ++it)
	{
		const int c = *it;
		char escape[16];
		if (c == '"' || c == '\\')
		{
			out += '\\';
			out += static_cast<char>(c);
		}
		else if (c == '/' && phpEscapes)
		{
			out += "\\/";
		}
		else if (c < 0x80)
		{
			out += static_cast<char>(c);
		}
		else if (!phpEscapes)
		{
			unsigned char bytes[4];
			const int length = utf8.convert(c, bytes, sizeof(bytes));
			out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
		}
		else if (c < 0x10000)
		{
			std::snprintf(escape, sizeof(escape), "\\u%04x", c);
			out += escape;
		}
		else
		{
			const int v = c - 0x10000;
			std::snprintf(escape, sizeof(escape), "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
			out += escape;
		}
	}
	out += '"';
}

} // namespace bench
} // namespace xtream
} // namespace restream
