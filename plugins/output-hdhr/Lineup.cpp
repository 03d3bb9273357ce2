//
// Lineup.cpp
//

#include "Lineup.h"
#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

namespace outputhdhr {

Lineup::Lineup(restream::Catalog& catalog, std::set<std::string> categories, ChannelNumbers numbers):
	_catalog(catalog),
	_categories(std::move(categories)),
	_numbers(std::move(numbers))
{
}

std::shared_ptr<const LineupSnapshot> Lineup::current()
{
	const Poco::Int64 version = _catalog.version();
	std::lock_guard<std::mutex> lock(_mutex);
	if (!_snapshot || _snapshot->catalogVersion != version) _snapshot = build(version);
	return _snapshot;
}

std::shared_ptr<const LineupSnapshot> Lineup::build(Poco::Int64 version)
{
	std::vector<restream::ChannelInfo> channels = _catalog.channels();
	if (!_categories.empty())
	{
		std::vector<restream::ChannelInfo> kept;
		for (auto& channel : channels)
			if (_categories.count(channel.categoryId)) kept.push_back(std::move(channel));
		channels.swap(kept);
	}
	const std::vector<std::string> numbers = _numbers.assign(channels);

	auto snapshot = std::make_shared<LineupSnapshot>();
	snapshot->catalogVersion = version;
	snapshot->entries.reserve(channels.size());
	for (std::size_t i = 0; i < channels.size(); ++i)
	{
		LineupSnapshot::Entry entry;
		entry.hd = looksHd(channels[i].name);
		entry.guideNumber = numbers[i];
		if (!channels[i].epgId.empty()) snapshot->guideIds.insert(channels[i].epgId);
		entry.channel = std::move(channels[i]);
		snapshot->entries.push_back(std::move(entry));
	}
	Poco::SHA1Engine digest;
	for (const auto& id : snapshot->guideIds)
	{
		digest.update(id);
		digest.update('\n');
	}
	snapshot->fingerprint = Poco::DigestEngine::digestToHex(digest.digest());
	return snapshot;
}

bool Lineup::looksHd(const std::string& name)
{
	std::string word;
	for (std::size_t i = 0; i <= name.size(); ++i)
	{
		const char c = i < name.size() ? name[i] : ' ';
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		{
			word += c;
			continue;
		}
		if (word == "HD" || word == "FHD" || word == "UHD" || word == "4K") return true;
		word.clear();
	}
	return false;
}

} // namespace outputhdhr
