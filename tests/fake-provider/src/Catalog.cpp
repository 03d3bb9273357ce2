//
// Catalog.cpp
//
// Library: fakeprovider
//


#include "Catalog.h"
#include "Poco/Format.h"


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


} // namespace


Catalog::Catalog(int syntheticChannels)
{
	addBuiltIns();
	if (syntheticChannels > 0) addSynthetic(syntheticChannels);
	for (std::size_t i = 0; i < _channels.size(); ++i)
	{
		_channels[i].num = static_cast<int>(i) + 1;
		_index[_channels[i].streamId] = i;
	}
}


const std::vector<Catalog::Category>& Catalog::categories() const
{
	return _categories;
}


const std::vector<Catalog::Channel>& Catalog::channels() const
{
	return _channels;
}


const Catalog::Channel* Catalog::find(int streamId) const
{
	auto it = _index.find(streamId);
	return it == _index.end() ? nullptr : &_channels[it->second];
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
	_channels.push_back(channel);

	channel.streamId = 102;
	channel.name = "Télé Océan";
	channel.epgChannelId = "teleocean.fr";
	channel.profile = makeProfile(320, 180, 300000, {audioTrack("mp2", 192000, 523, "fra")});
	_channels.push_back(channel);

	channel.streamId = 103;
	channel.name = "Sport Extrême HD";
	channel.categoryId = 3;
	channel.epgChannelId = "sportextreme.fr";
	channel.profile = makeProfile(1280, 720, 1500000, {audioTrack("aac", 128000, 330, "fra")});
	_channels.push_back(channel);

	channel.streamId = 104;
	channel.name = "Le \"Grand\" Journal & Co \xF0\x9F\x93\xBA"; // U+1F4FA television
	channel.categoryId = 2;
	channel.epgChannelId = "grandjournal.fr";
	channel.hasLogo = false;
	channel.profile = makeProfile(320, 180, 300000, {audioTrack("aac", 96000, 880, "fra"), audioTrack("ac3", 192000, 660, "eng")});
	_channels.push_back(channel);

	channel.streamId = 105;
	channel.name = "News 24";
	channel.epgChannelId = "";
	channel.hasLogo = true;
	channel.profile = smallProfile();
	_channels.push_back(channel);

	channel.streamId = 106;
	channel.name = "Ciné Nuit";
	channel.categoryId = 3;
	channel.epgChannelId = "cinenuit.fr";
	channel.online = false;
	_channels.push_back(channel);

	for (auto& builtIn: _channels) builtIn.added = 1700000000L + builtIn.streamId * 60L;
}


void Catalog::addSynthetic(int count)
{
	static const char* const themes[] = {"Cinéma", "Séries", "Musique", "Jeunesse", "Documentaires",
		"Régions", "Économie", "Santé", "Société", "Théâtre"};
	static const char* const regions[] = {"France", "Belgique", "Québec", "Suisse", "Côte d'Ivoire"};
	const int firstCategory = 10;
	const int categoryCount = 50;
	for (int i = 0; i < categoryCount; ++i)
	{
		_categories.push_back({firstCategory + i, Poco::format("%s · %s", std::string(themes[i % 10]), std::string(regions[i / 10]))});
	}
	_channels.reserve(_channels.size() + static_cast<std::size_t>(count));
	for (int i = 0; i < count; ++i)
	{
		Channel channel;
		channel.streamId = 1001 + i;
		channel.categoryId = firstCategory + i % categoryCount;
		channel.name = Poco::format("Chaîne n°%05d — %s", i + 1, _categories[static_cast<std::size_t>(3 + i % categoryCount)].name);
		channel.epgChannelId = Poco::format("synthetique%d.fr", i + 1);
		channel.added = 1710000000L + i;
		channel.profile = smallProfile();
		_channels.push_back(std::move(channel));
	}
}


} // namespace fakeprovider
