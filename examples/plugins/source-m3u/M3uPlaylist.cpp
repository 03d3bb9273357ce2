//
// M3uPlaylist.cpp
//

#include "M3uPlaylist.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <map>
#include <set>
#include <sstream>

namespace m3usource {

namespace {

const Poco::Int64 ID_RANGE = 2147483647; // ids 1 .. 2^31-1: small, and safe in every JSON client

bool startsWith(const std::string& text, const std::string& prefix)
{
	return text.compare(0, prefix.size(), prefix) == 0;
}

Poco::Int64 claim(Poco::Int64 id, std::set<Poco::Int64>& taken)
	/// id, or the next free one after it (wrapping to 1).
{
	while (!taken.insert(id).second) id = id % (ID_RANGE - 1) + 1;
	return id;
}

} // namespace

M3uPlaylist M3uPlaylist::parse(const std::string& text)
{
	M3uPlaylist playlist;
	std::istringstream lines(text);
	std::string line;
	bool header = false;
	bool sawInfo = false;
	bool pending = false;
	M3uEntry entry;
	std::string extGroup;
	std::set<Poco::Int64> streamIds;
	std::set<Poco::Int64> categoryIds;
	std::map<std::string, std::string> categoryOfGroup;
	bool first = true;
	while (std::getline(lines, line))
	{
		if (first && startsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
		first = false;
		Poco::trimInPlace(line);
		if (line.empty()) continue;
		if (startsWith(line, "#EXTM3U"))
		{
			header = true;
		}
		else if (startsWith(line, "#EXTINF:"))
		{
			sawInfo = true;
			if (pending) ++playlist._skipped; // an #EXTINF without a URL
			entry = M3uEntry();
			extGroup.clear();
			parseInfo(line.substr(8), entry);
			pending = true;
		}
		else if (startsWith(line, "#EXTGRP:"))
		{
			extGroup = Poco::trim(line.substr(8));
		}
		else if (line[0] == '#')
		{
			// other directives (#EXTVLCOPT, #KODIPROP, comments): not needed to play
		}
		else if (pending)
		{
			pending = false;
			const std::string scheme = lowerCase(line.substr(0, line.find(':')));
			if (scheme != "http" && scheme != "https")
			{
				++playlist._skipped;
				continue;
			}
			entry.url = line;
			if (entry.group.empty()) entry.group = extGroup;
			if (entry.name.empty()) entry.name = entry.tvgId.empty() ? "Channel" : entry.tvgId;
			entry.streamId = claim(hashId(entry.tvgId + '\n' + entry.name), streamIds);
			if (!entry.group.empty())
			{
				auto known = categoryOfGroup.find(entry.group);
				if (known == categoryOfGroup.end())
				{
					const std::string id = std::to_string(claim(hashId(entry.group), categoryIds));
					known = categoryOfGroup.emplace(entry.group, id).first;
					playlist._categories.push_back({id, entry.group});
				}
				entry.categoryId = known->second;
			}
			playlist._entries.push_back(entry);
		}
		else
		{
			++playlist._skipped; // a URL line with no #EXTINF before it
		}
	}
	if (pending) ++playlist._skipped;
	if (!header && !sawInfo) throw Poco::DataFormatException("not an M3U playlist: no #EXTM3U header and no #EXTINF line");
	return playlist;
}

void M3uPlaylist::parseInfo(const std::string& line, M3uEntry& entry)
{
	// #EXTINF:<duration> key="value" key=value ...,<name>  (a name may hold commas, a quoted value too)
	std::string::size_type at = 0;
	const std::string::size_type size = line.size();
	while (at < size && line[at] != ' ' && line[at] != '\t' && line[at] != ',') ++at; // the duration
	std::string tvgName;
	while (at < size)
	{
		while (at < size && (line[at] == ' ' || line[at] == '\t')) ++at;
		if (at >= size) break;
		if (line[at] == ',')
		{
			entry.name = Poco::trim(line.substr(at + 1));
			break;
		}
		const std::string::size_type keyStart = at;
		while (at < size && line[at] != '=' && line[at] != ' ' && line[at] != ',') ++at;
		const std::string key = lowerCase(line.substr(keyStart, at - keyStart));
		std::string value;
		if (at < size && line[at] == '=')
		{
			++at;
			if (at < size && line[at] == '"')
			{
				const std::string::size_type close = line.find('"', at + 1);
				const std::string::size_type end = close == std::string::npos ? size : close;
				value = line.substr(at + 1, end - at - 1);
				at = close == std::string::npos ? size : close + 1;
			}
			else
			{
				const std::string::size_type valueStart = at;
				while (at < size && line[at] != ' ' && line[at] != ',') ++at;
				value = line.substr(valueStart, at - valueStart);
			}
		}
		if (key == "tvg-id") entry.tvgId = Poco::trim(value);
		else if (key == "tvg-logo") entry.tvgLogo = Poco::trim(value);
		else if (key == "group-title") entry.group = Poco::trim(value);
		else if (key == "tvg-name") tvgName = Poco::trim(value);
		else if (key == "tvg-chno") entry.number = Poco::trim(value);
	}
	if (entry.name.empty()) entry.name = tvgName;
}

Poco::Int64 M3uPlaylist::hashId(const std::string& key)
{
	Poco::UInt64 hash = 14695981039346656037ULL; // FNV-1a, 64 bits
	for (const char c : key)
	{
		hash ^= static_cast<unsigned char>(c);
		hash *= 1099511628211ULL;
	}
	return static_cast<Poco::Int64>(hash % static_cast<Poco::UInt64>(ID_RANGE - 1)) + 1;
}

std::string M3uPlaylist::lowerCase(const std::string& text)
{
	return Poco::toLower(text);
}

const std::vector<M3uEntry>& M3uPlaylist::entries() const
{
	return _entries;
}

const std::vector<restream::SourceCategory>& M3uPlaylist::categories() const
{
	return _categories;
}

const M3uEntry* M3uPlaylist::find(Poco::Int64 streamId) const
{
	for (const M3uEntry& entry : _entries)
	{
		if (entry.streamId == streamId) return &entry;
	}
	return nullptr;
}

std::size_t M3uPlaylist::skipped() const
{
	return _skipped;
}

} // namespace m3usource
