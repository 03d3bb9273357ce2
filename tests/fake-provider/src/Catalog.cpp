//
// Catalog.cpp
//
// Library: fakeprovider
//


#include "Catalog.h"
#include "fakeprovider/FakeProvider.h"
#include "Poco/Format.h"
#include <algorithm>


namespace fakeprovider {


namespace {


EncodingProfile makeProfile(int width, int height, int videoBitRate, std::vector<EncodingProfile::AudioTrack> audio)
{
	EncodingProfile profile;
	profile.width = width;
	profile.height = height;
	profile.videoBitRate = videoBitRate;
	profile.audioTracks = std::move(audio);
	return profile;
}


EncodingProfile::AudioTrack audioTrack(const std::string& encoder, int bitRate, int frequency, const std::string& language)
{
	EncodingProfile::AudioTrack track;
	track.encoder = encoder;
	track.bitRate = bitRate;
	track.frequency = frequency;
	track.language = language;
	return track;
}


EncodingProfile smallProfile()
{
	return makeProfile(320, 180, 300000, {audioTrack("aac", 96000, 440, "fra")});
}


const int FIRST_SYNTHETIC_ID = FakeProvider::FIRST_SYNTHETIC_CHANNEL;
const int FIRST_SYNTHETIC_CATEGORY = 10;
const int SYNTHETIC_CATEGORIES = 50;


} // namespace


Catalog::Catalog(int syntheticChannels, const std::vector<int>& fileChannels):
	_syntheticCount(std::max(0, syntheticChannels))
{
	addBuiltIns();
	for (int streamId: fileChannels)
	{
		Channel channel;
		channel.streamId = streamId;
		channel.name = "File " + std::to_string(streamId);
		channel.categoryId = 1;
		channel.fromFile = true;
		_builtIns.push_back(channel);
	}
	for (std::size_t i = 0; i < _builtIns.size(); ++i) _builtIns[i].num = static_cast<int>(i) + 1;
	if (_syntheticCount > 0) addSyntheticCategories();
}


const std::vector<Catalog::Category>& Catalog::categories() const
{
	return _categories;
}


std::size_t Catalog::channelCount() const
{
	return _builtIns.size() + static_cast<std::size_t>(_syntheticCount);
}


Catalog::Channel Catalog::channelAt(std::size_t index) const
{
	if (index < _builtIns.size()) return _builtIns[index];
	return syntheticChannel(static_cast<int>(index - _builtIns.size()));
}


bool Catalog::find(int streamId, Channel& channel) const
{
	for (const auto& builtIn: _builtIns)
	{
		if (builtIn.streamId == streamId)
		{
			channel = builtIn;
			return true;
		}
	}
	if (streamId < FIRST_SYNTHETIC_ID || streamId - FIRST_SYNTHETIC_ID >= _syntheticCount) return false;
	channel = syntheticChannel(streamId - FIRST_SYNTHETIC_ID);
	return true;
}


void Catalog::addBuiltIns()
{
	_categories = {{1, "Généralistes"}, {2, "Info"}, {3, "Sport & Divertissement"}};

	Channel channel;
	channel.streamId = 101;
	channel.name = "France 2 Été";
	channel.categoryId = 1;
	channel.epgChannelId = "france2.fr";
	channel.hasLogo = true;
	channel.profile = makeProfile(640, 360, 600000, {audioTrack("aac", 128000, 440, "fra")});
	_builtIns.push_back(channel);

	channel.streamId = 102;
	channel.name = "Télé Océan";
	channel.epgChannelId = "teleocean.fr";
	channel.profile = makeProfile(320, 180, 300000, {audioTrack("mp2", 192000, 523, "fra")});
	_builtIns.push_back(channel);

	channel.streamId = 103;
	channel.name = "Sport Extrême HD";
	channel.categoryId = 3;
	channel.epgChannelId = "sportextreme.fr";
	channel.profile = makeProfile(1280, 720, 1500000, {audioTrack("aac", 128000, 330, "fra")});
	_builtIns.push_back(channel);

	channel.streamId = 104;
	channel.name = "Le \"Grand\" Journal & Co \xF0\x9F\x93\xBA"; // U+1F4FA television
	channel.categoryId = 2;
	channel.epgChannelId = "grandjournal.fr";
	channel.hasLogo = false;
	channel.profile = makeProfile(320, 180, 300000, {audioTrack("aac", 96000, 880, "fra"), audioTrack("ac3", 192000, 660, "eng")});
	_builtIns.push_back(channel);

	channel.streamId = 105;
	channel.name = "News 24";
	channel.epgChannelId = "";
	channel.hasLogo = true;
	channel.profile = smallProfile();
	_builtIns.push_back(channel);

	channel.streamId = 106;
	channel.name = "Ciné Nuit";
	channel.categoryId = 3;
	channel.epgChannelId = "cinenuit.fr";
	channel.online = false;
	_builtIns.push_back(channel);

	for (auto& builtIn: _builtIns) builtIn.added = 1700000000L + builtIn.streamId * 60L;
}


void Catalog::addSyntheticCategories()
{
	static const char* const themes[] = {"Cinéma", "Séries", "Musique", "Jeunesse", "Documentaires",
		"Régions", "Économie", "Santé", "Société", "Théâtre"};
	static const char* const regions[] = {"France", "Belgique", "Québec", "Suisse", "Côte d'Ivoire"};
	for (int i = 0; i < SYNTHETIC_CATEGORIES; ++i)
	{
		_categories.push_back({FIRST_SYNTHETIC_CATEGORY + i, Poco::format("%s · %s", std::string(themes[i % 10]), std::string(regions[i / 10]))});
	}
}


Catalog::Channel Catalog::syntheticChannel(int index) const
{
	const int category = index % SYNTHETIC_CATEGORIES;
	Channel channel;
	channel.streamId = FIRST_SYNTHETIC_ID + index;
	channel.num = static_cast<int>(_builtIns.size()) + index + 1;
	channel.categoryId = FIRST_SYNTHETIC_CATEGORY + category;
	channel.name = Poco::format("Chaîne n°%05d — %s", index + 1, _categories[_categories.size() - SYNTHETIC_CATEGORIES + category].name);
	channel.epgChannelId = Poco::format("synthetique%d.fr", index + 1);
	channel.added = 1710000000L + index;
	channel.profile = smallProfile();
	return channel;
}


} // namespace fakeprovider
