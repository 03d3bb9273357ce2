//
// OutputHdhrHttpTest.cpp
//
// End-to-end tests of output-hdhr: the built output-hdhr.so in an
// in-process host (tests/support/HostFixture) whose catalog is source-xtream
// against the fake provider (tests/fake-provider), queried over HTTP on the
// tuner port as Plex and Jellyfin do, and found over UDP as they find it
// (HDHomeRun discovery, SSDP), on ephemeral ports of 127.0.0.1.
// fixture-hdhr-ts stands in for output-ts's "ts" PlaybackForm; output-hls
// gives the "hls" one.
//

#include "DeviceId.h"
#include "DiscoveryPacket.h"
#include "MemoryProbe.h"
#include "SignedInHost.h"
#include "TextSearch.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/Net/DatagramSocket.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/SharedLibrary.h>
#include <Poco/Stopwatch.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

using fakeprovider::FakeProvider;
using fakeprovider::ProviderOptions;
using restream::test::HttpResult;
using restream::test::SignedInHost;
using restream::test::contains;

namespace {

const std::set<std::string> CATALOG_GUIDE_IDS = {"france2.fr", "teleocean.fr", "sportextreme.fr", "grandjournal.fr", "cinenuit.fr"};

std::string pluginDirectory()
	/// The built plugins this test loads and the fixture, linked into one directory.
{
	const std::string directory = Poco::TemporaryFile::tempName();
	Poco::File(directory).createDirectories();
	Poco::TemporaryFile::registerForDeletion(directory);
	const std::string suffix = Poco::SharedLibrary::suffix();
	for (const char* plugin : {"auth-jwt", "source-xtream", "output-hls", "output-hdhr"})
	{
		const std::string target = std::string(RESTREAM_TEST_PLUGIN_DIR) + "/" + plugin + suffix;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(target, 0, symlink(target.c_str(), (directory + "/" + plugin + suffix).c_str()));
	}
	const std::string fixture = std::string(HDHR_FIXTURE_PLUGIN_DIR) + "/fixture-hdhr-ts" + suffix;
	CPPUNIT_ASSERT_EQUAL_MESSAGE(fixture, 0, symlink(fixture.c_str(), (directory + "/fixture-hdhr-ts" + suffix).c_str()));
	return directory;
}

bool waitFor(const std::function<bool()>& condition, int seconds)
{
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	while (std::chrono::steady_clock::now() < until)
	{
		if (condition()) return true;
		std::this_thread::sleep_for(std::chrono::milliseconds(100));
	}
	return condition();
}

Poco::AutoPtr<Poco::XML::Document> parseXml(const std::string& text)
	/// Throws when text is not well-formed.
{
	Poco::XML::DOMParser parser;
	parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
	return parser.parseString(text);
}

std::set<std::string> attributesOf(Poco::XML::Document& document, const std::string& element, const std::string& attribute)
{
	std::set<std::string> values;
	Poco::AutoPtr<Poco::XML::NodeList> nodes = document.getElementsByTagName(element);
	for (unsigned long i = 0; i < nodes->length(); ++i)
		values.insert(static_cast<Poco::XML::Element*>(nodes->item(i))->getAttribute(attribute));
	return values;
}

std::string gunzip(const std::string& packed)
{
	std::istringstream in(packed);
	Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
	std::string text;
	Poco::StreamCopier::copyToString(inflater, text);
	return text;
}

Poco::Int64 streamIdOf(const std::string& url)
	/// 101 from ".../stream/101.ts" or ".../live/101.m3u8"; 0 otherwise.
{
	const auto slash = url.rfind('/');
	const auto dot = url.rfind('.');
	Poco::Int64 id = 0;
	if (slash == std::string::npos || dot == std::string::npos || dot < slash) return 0;
	Poco::NumberParser::tryParse64(url.substr(slash + 1, dot - slash - 1), id);
	return id;
}

unsigned short freeUdpPort()
	/// A UDP port nothing is bound to now (the socket closes on return).
{
	Poco::Net::DatagramSocket probe(Poco::Net::SocketAddress("0.0.0.0", 0));
	return probe.address().port();
}

std::vector<std::string> askUdp(unsigned short port, const std::string& datagram, int milliseconds = 1000)
	/// Sends datagram to 127.0.0.1:port and returns every datagram that
	/// comes back within milliseconds.
{
	Poco::Net::DatagramSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	socket.sendTo(datagram.data(), static_cast<int>(datagram.size()), Poco::Net::SocketAddress("127.0.0.1", port));
	std::vector<std::string> answers;
	const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
	char buffer[4096];
	for (auto left = until - std::chrono::steady_clock::now(); left.count() > 0; left = until - std::chrono::steady_clock::now())
	{
		const auto wait = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
		if (!socket.poll(Poco::Timespan(wait), Poco::Net::Socket::SELECT_READ)) break;
		Poco::Net::SocketAddress sender;
		const int received = socket.receiveFrom(buffer, sizeof(buffer), sender);
		answers.emplace_back(buffer, static_cast<std::size_t>(std::max(received, 0)));
	}
	return answers;
}

std::string discoverRequest()
	/// What Jellyfin sends: any tuner.
{
	outputhdhr::DiscoveryPacket request;
	request.addNumber(outputhdhr::DiscoveryPacket::DEVICE_TYPE, outputhdhr::DiscoveryPacket::TUNER);
	request.addNumber(outputhdhr::DiscoveryPacket::DEVICE_ID, outputhdhr::DiscoveryPacket::WILDCARD);
	return request.encode();
}

std::string mSearch(const std::string& target)
{
	return "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: " + target + "\r\n\r\n";
}

std::pair<int, std::string> fetch(const std::string& url)
	/// GET url (plain http), its status and body.
{
	const Poco::URI uri(url);
	Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
	session.setTimeout(Poco::Timespan(10, 0));
	Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	std::string body;
	Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
	return {response.getStatus(), body};
}

struct M3uEntry
{
	std::map<std::string, std::string> attributes;
	std::string title;
	std::string url;
};

bool parseExtinf(const std::string& line, M3uEntry& entry)
	/// A strict reading: `#EXTINF:-1` then ` name="value"` pairs (no '"' in a
	/// value), then `,title` with no comma in the title.
{
	const std::string prefix = "#EXTINF:-1";
	if (line.compare(0, prefix.size(), prefix) != 0) return false;
	std::size_t at = prefix.size();
	while (at < line.size() && line[at] == ' ')
	{
		const auto equals = line.find("=\"", at);
		if (equals == std::string::npos) return false;
		const auto close = line.find('"', equals + 2);
		if (close == std::string::npos) return false;
		entry.attributes[line.substr(at + 1, equals - at - 1)] = line.substr(equals + 2, close - equals - 2);
		at = close + 1;
	}
	if (at >= line.size() || line[at] != ',') return false;
	entry.title = line.substr(at + 1);
	return entry.title.find(',') == std::string::npos && entry.title.find('"') == std::string::npos;
}

} // namespace

class OutputHdhrHttpTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHdhrHttpTest);
	CPPUNIT_TEST(testPlexFlow);
	CPPUNIT_TEST(testStableAcrossRestartAndRefresh);
	CPPUNIT_TEST(testCategories);
	CPPUNIT_TEST(testPlaylistMatchesLineupAndGuide);
	CPPUNIT_TEST(testGuide);
	CPPUNIT_TEST(testGuideFallbackWhileDownloading);
	CPPUNIT_TEST(testBigGuideBoundedMemory);
	CPPUNIT_TEST(testBigCatalogLineup);
	CPPUNIT_TEST(testSourceNotConfigured);
	CPPUNIT_TEST(testHdhomerunDiscovery);
	CPPUNIT_TEST(testSsdpSearch);
	CPPUNIT_TEST(testDiscoverySwitchedOff);
	CPPUNIT_TEST(testDiscoveryOnlyForLan);
	CPPUNIT_TEST(testDiscoveryPortTaken);
	CPPUNIT_TEST(testHdhomerunConfigFindsTheTuner);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_options.maxConnections = 3;
		_options.slotReleaseDelay = Poco::Timespan(0, 200000);
		_options.guideChannels = 10; // the catalog's 5, then guide6.epg… that the lineup does not carry
	}

	void tearDown() override
	{
		_host.reset();
		if (_provider) _provider->stop();
		_provider.reset();
	}

	void testPlexFlow()
	{
		startHost({{"live.maxChannels", "4"}, {"plugins.output-hdhr.friendlyName", "Salon \"TV\""}});
		const std::string base = "http://127.0.0.1:" + std::to_string(_host->port("tuner"));

		const auto device = json(get("/discover.json")).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("Salon \"TV\""), device->getValue<std::string>("FriendlyName"));
		for (const char* field : {"Manufacturer", "ModelNumber", "FirmwareName", "FirmwareVersion", "DeviceAuth"})
			CPPUNIT_ASSERT_MESSAGE(field, !device->getValue<std::string>(field).empty());
		const std::string deviceId = device->getValue<std::string>("DeviceID");
		Poco::UInt32 id = 0;
		CPPUNIT_ASSERT_MESSAGE(deviceId, outputhdhr::DeviceId::parse(deviceId, id) && outputhdhr::DeviceId::valid(id));
		CPPUNIT_ASSERT_EQUAL(base, device->getValue<std::string>("BaseURL"));
		CPPUNIT_ASSERT_EQUAL(base + "/lineup.json", device->getValue<std::string>("LineupURL"));
		// live.maxChannels 4, the account allows 3 (read in the background after the start)
		int tuners = device->getValue<int>("TunerCount");
		for (int tries = 0; tuners != 3 && tries < 100; ++tries)
		{
			Poco::Thread::sleep(100);
			tuners = json(get("/discover.json")).extract<Poco::JSON::Object::Ptr>()->getValue<int>("TunerCount");
		}
		CPPUNIT_ASSERT_EQUAL(3, tuners);

		const auto status = json(get("/lineup_status.json")).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(0, status->getValue<int>("ScanInProgress"));
		CPPUNIT_ASSERT_EQUAL(1, status->getValue<int>("ScanPossible"));
		CPPUNIT_ASSERT_EQUAL(std::string("Cable"), status->getValue<std::string>("Source"));
		CPPUNIT_ASSERT_EQUAL(std::string("Cable"), status->getArray("SourceList")->getElement<std::string>(0));

		const auto lineup = json(get("/lineup.json")).extract<Poco::JSON::Array::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), lineup->size());
		std::map<Poco::Int64, std::string> numbers;
		for (unsigned i = 0; i < lineup->size(); ++i)
		{
			const auto channel = lineup->getObject(i);
			const std::string url = channel->getValue<std::string>("URL");
			CPPUNIT_ASSERT_MESSAGE(url, url.compare(0, base.size() + 8, base + "/stream/") == 0);
			CPPUNIT_ASSERT_MESSAGE(url, url.size() > 3 && url.substr(url.size() - 3) == ".ts");
			numbers[streamIdOf(url)] = channel->getValue<std::string>("GuideNumber");
			CPPUNIT_ASSERT_EQUAL(streamIdOf(url) == FakeProvider::CHANNEL_HD, channel->has("HD"));
		}
		// the provider's own numbers
		const std::map<Poco::Int64, std::string> expected = {{101, "1"}, {102, "2"}, {103, "3"}, {104, "4"}, {105, "5"}, {106, "6"}};
		CPPUNIT_ASSERT(expected == numbers);
		CPPUNIT_ASSERT_EQUAL(std::string("Le \"Grand\" Journal & Co 📺"), lineup->getObject(3)->getValue<std::string>("GuideName"));

		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "tuner", "/lineup.post?scan=start").status);
		CPPUNIT_ASSERT_EQUAL(200, _host->request("POST", "tuner", "/lineup.post?scan=abort").status);
		CPPUNIT_ASSERT_EQUAL(400, _host->request("POST", "tuner", "/lineup.post?scan=now").status);

		const HttpResult description = get("/device.xml");
		auto document = parseXml(description.body);
		CPPUNIT_ASSERT_EQUAL(deviceId, Poco::AutoPtr<Poco::XML::NodeList>(document->getElementsByTagName("serialNumber"))->item(0)->innerText());
		CPPUNIT_ASSERT_EQUAL(base, Poco::AutoPtr<Poco::XML::NodeList>(document->getElementsByTagName("URLBase"))->item(0)->innerText());
		CPPUNIT_ASSERT(contains(Poco::AutoPtr<Poco::XML::NodeList>(document->getElementsByTagName("UDN"))->item(0)->innerText(), "uuid:"));

		// the tuner port only
		CPPUNIT_ASSERT_EQUAL(404, _host->request("GET", "api", "/discover.json").status);
		CPPUNIT_ASSERT(!contains(_host->log(), _options.password));
	}

	void testStableAcrossRestartAndRefresh()
	{
		startHost();
		const std::string deviceId = discoverId();
		const auto numbers = lineupNumbers();
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), numbers.size());

		_host->restart();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), std::string(), _host->startError());
		CPPUNIT_ASSERT_EQUAL(deviceId, discoverId());
		CPPUNIT_ASSERT(numbers == lineupNumbers());

		const std::string token = _host->signIn(SignedInHost::PASSWORD);
		const HttpResult refreshed = _host->request("POST", "api", "/catalog/refresh", "", {{"Authorization", "Bearer " + token}});
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refreshed.body, 200, refreshed.status);
		CPPUNIT_ASSERT(numbers == lineupNumbers());
		CPPUNIT_ASSERT_EQUAL(deviceId, discoverId());
	}

	void testCategories()
	{
		startHost({{"plugins.output-hdhr.categories", "2"}});
		const auto numbers = lineupNumbers();
		CPPUNIT_ASSERT(numbers == (std::map<Poco::Int64, std::string>{{104, "4"}, {105, "5"}}));
		const auto playlist = playlistEntries("");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), playlist.size());
		auto guide = parseXml(waitForGuide());
		CPPUNIT_ASSERT(attributesOf(*guide, "channel", "id") == std::set<std::string>({"grandjournal.fr"}));
		CPPUNIT_ASSERT(attributesOf(*guide, "programme", "channel") == std::set<std::string>({"grandjournal.fr"}));
	}

	void testPlaylistMatchesLineupAndGuide()
	{
		startHost();
		const std::string base = "http://127.0.0.1:" + std::to_string(_host->port("tuner"));
		const auto numbers = lineupNumbers();
		const HttpResult result = get("/playlist.m3u");
		CPPUNIT_ASSERT(contains(result.headers.get("Content-Type", ""), "mpegurl"));
		CPPUNIT_ASSERT_EQUAL(std::string("#EXTM3U url-tvg=\"" + base + "/epg.xml\""), result.body.substr(0, result.body.find(" x-tvg-url")));
		const auto entries = playlistEntries("");
		CPPUNIT_ASSERT_EQUAL(numbers.size(), entries.size());
		std::set<std::string> tvgIds;
		for (const auto& entry : entries)
		{
			const Poco::Int64 streamId = streamIdOf(entry.url);
			CPPUNIT_ASSERT_MESSAGE(entry.url, entry.url.compare(0, base.size(), base) == 0);
			CPPUNIT_ASSERT_EQUAL(numbers.at(streamId), entry.attributes.at("tvg-chno"));
			CPPUNIT_ASSERT_EQUAL(entry.title, entry.attributes.at("tvg-name"));
			if (!entry.attributes.at("tvg-id").empty()) tvgIds.insert(entry.attributes.at("tvg-id"));
			if (streamId == FakeProvider::CHANNEL_MULTI_AUDIO) CPPUNIT_ASSERT_EQUAL(std::string("Le 'Grand' Journal & Co 📺"), entry.title);
			if (streamId == FakeProvider::CHANNEL_SD)
			{
				CPPUNIT_ASSERT_EQUAL(std::string("Généralistes"), entry.attributes.at("group-title"));
				CPPUNIT_ASSERT(contains(entry.attributes.at("tvg-logo"), "/logos/101.png"));
			}
		}
		CPPUNIT_ASSERT(CATALOG_GUIDE_IDS == tvgIds);
		auto guide = parseXml(waitForGuide());
		CPPUNIT_ASSERT(tvgIds == attributesOf(*guide, "channel", "id"));

		const std::string api = "http://127.0.0.1:" + std::to_string(_host->port("api")) + "/live/";
		for (const auto& entry : playlistEntries("?format=hls"))
		{
			CPPUNIT_ASSERT_MESSAGE(entry.url, entry.url.compare(0, api.size(), api) == 0);
			CPPUNIT_ASSERT_MESSAGE(entry.url, contains(entry.url, ".m3u8"));
		}
		CPPUNIT_ASSERT_EQUAL(400, _host->request("GET", "tuner", "/playlist.m3u?format=dash").status);
	}

	void testGuide()
	{
		startHost();
		const std::string text = waitForGuide();
		auto document = parseXml(text);
		CPPUNIT_ASSERT(CATALOG_GUIDE_IDS == attributesOf(*document, "channel", "id"));
		CPPUNIT_ASSERT(CATALOG_GUIDE_IDS == attributesOf(*document, "programme", "channel"));
		CPPUNIT_ASSERT(!contains(text, "guide6.epg"));
		CPPUNIT_ASSERT(!contains(text, _options.password));
		CPPUNIT_ASSERT(contains(text, "Questions &amp; R"));
		xmllint(text);

		const HttpResult plain = get("/epg.xml");
		CPPUNIT_ASSERT(!plain.headers.has("Content-Encoding"));
		CPPUNIT_ASSERT(contains(plain.headers.get("Content-Type", ""), "xml"));
		const HttpResult packed = _host->request("GET", "tuner", "/epg.xml", "", {{"Accept-Encoding", "gzip, deflate"}});
		CPPUNIT_ASSERT_EQUAL(200, packed.status);
		CPPUNIT_ASSERT_EQUAL(std::string("gzip"), packed.headers.get("Content-Encoding", ""));
		CPPUNIT_ASSERT(packed.body.size() < plain.body.size() / 3);
		CPPUNIT_ASSERT(gunzip(packed.body) == plain.body);
		std::cout << "\n[figure] filtered guide: " << plain.body.size() / 1024 << " KB, gzipped " << packed.body.size() / 1024 << " KB"
				  << std::endl;
		// a restart serves the kept guide at once, without asking the provider
		const auto requests = _provider->stats().xmltvRequests;
		_host->restart();
		CPPUNIT_ASSERT(get("/epg.xml").body == plain.body);
		CPPUNIT_ASSERT_EQUAL(requests, _provider->stats().xmltvRequests);
	}

	void testGuideFallbackWhileDownloading()
	{
		startHost();
		lineupNumbers(); // the catalog is there
		_provider->setApiDelay(Poco::Timespan(2, 0));
		_provider->setApiMode(fakeprovider::ApiMode::SLOW);
		const HttpResult first = get("/epg.xml");
		auto document = parseXml(first.body);
		CPPUNIT_ASSERT(CATALOG_GUIDE_IDS == attributesOf(*document, "channel", "id"));
		CPPUNIT_ASSERT_EQUAL(0ul, static_cast<unsigned long>(0) + Poco::AutoPtr<Poco::XML::NodeList>(document->getElementsByTagName("programme"))->length());
		CPPUNIT_ASSERT(contains(first.body, "<display-name>Le &quot;Grand&quot; Journal &amp; Co 📺</display-name>"));
		CPPUNIT_ASSERT(contains(first.body, "/logos/101.png"));
		const HttpResult packed = _host->request("GET", "tuner", "/epg.xml", "", {{"Accept-Encoding", "gzip"}});
		CPPUNIT_ASSERT(gunzip(packed.body) == first.body);
		xmllint(first.body);
		// then the real guide, once the slow provider answered
		parseXml(waitForGuide());
	}

	void testBigGuideBoundedMemory()
	{
		_options.guideChannels = 8000; // 58 MB, of which the lineup keeps 5 channels
		startHost();
		lineupNumbers();
		restream::test::MemoryProbe memory;
		Poco::Stopwatch watch;
		watch.start();
		const std::string text = waitForGuide(120);
		const auto elapsed = watch.elapsed();
		memory.finish();
		auto document = parseXml(text);
		CPPUNIT_ASSERT(CATALOG_GUIDE_IDS == attributesOf(*document, "channel", "id"));
		std::string line;
		std::istringstream log(_host->log());
		std::string filtered;
		while (std::getline(log, line))
			if (contains(line, "guide filtered")) filtered = line;
		std::cout << "\n[figure] " << filtered << "\n[figure] provider guide of 8000 channels × 24 h: filtered guide " << text.size() / 1024
				  << " KB after " << elapsed / 1000 << " ms; RSS " << memory.beforeKb() / 1024 << " MB before, peak "
				  << memory.peakKb() / 1024 << " MB, " << memory.afterKb() / 1024 << " MB after" << std::endl;
		CPPUNIT_ASSERT_MESSAGE(filtered, contains(filtered, "MB"));
		// the fake provider makes the guide in this process too; the whole guide is 58 MB
		CPPUNIT_ASSERT(memory.grewLessThan(32 * 1024));
	}

	void testBigCatalogLineup()
	{
		_options.channelCount = 50000;
		startHost();
		Poco::Stopwatch watch;
		watch.start();
		HttpResult first = get("/lineup.json");
		const auto cold = watch.elapsed();
		CPPUNIT_ASSERT_EQUAL(std::size_t(50006), json(first).extract<Poco::JSON::Array::Ptr>()->size());
		Poco::Timestamp::TimeDiff warm = 0;
		for (int i = 0; i < 3; ++i)
		{
			watch.restart();
			const HttpResult again = get("/lineup.json");
			warm = std::max(warm, watch.elapsed());
			CPPUNIT_ASSERT(again.body == first.body);
		}
		watch.restart();
		const HttpResult playlist = get("/playlist.m3u");
		const auto m3u = watch.elapsed();
		std::cout << "\n[figure] lineup.json of 50 006 channels (" << first.body.size() / 1024 << " KB): " << cold / 1000
				  << " ms with the catalog's first load, " << warm / 1000 << " ms at most of 3 warm requests; playlist.m3u ("
				  << playlist.body.size() / 1024 << " KB) " << m3u / 1000 << " ms" << std::endl;
		CPPUNIT_ASSERT(warm < 5 * 1000000);
	}

	void testSourceNotConfigured()
	{
		startHost({{"plugins.source-xtream.url", ""}});
		const HttpResult lineup = _host->request("GET", "tuner", "/lineup.json");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(lineup.body, 503, lineup.status);
		CPPUNIT_ASSERT(!json(lineup).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("detail").empty());
		CPPUNIT_ASSERT_EQUAL(503, _host->request("GET", "tuner", "/epg.xml").status);
		CPPUNIT_ASSERT_EQUAL(503, _host->request("GET", "tuner", "/playlist.m3u").status);
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "tuner", "/discover.json").status);
	}

	void testHdhomerunDiscovery()
	{
		startDiscoveryHost({});
		const auto answers = askUdp(_discoveryPort, discoverRequest());
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), std::size_t(1), answers.size());
		outputhdhr::DiscoveryPacket reply;
		CPPUNIT_ASSERT(outputhdhr::DiscoveryPacket::decode(answers[0], reply));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(outputhdhr::DiscoveryPacket::DISCOVER_REPLY), reply.type());

		const auto device = json(get("/discover.json")).extract<Poco::JSON::Object::Ptr>();
		Poco::UInt32 id = 0;
		CPPUNIT_ASSERT(reply.number(outputhdhr::DiscoveryPacket::DEVICE_ID, id));
		CPPUNIT_ASSERT_EQUAL(device->getValue<std::string>("DeviceID"), outputhdhr::DeviceId::format(id));
		std::string baseUrl, lineupUrl, deviceAuth, tuners;
		CPPUNIT_ASSERT(reply.text(outputhdhr::DiscoveryPacket::BASE_URL, baseUrl));
		CPPUNIT_ASSERT(reply.text(outputhdhr::DiscoveryPacket::LINEUP_URL, lineupUrl));
		CPPUNIT_ASSERT(reply.text(outputhdhr::DiscoveryPacket::DEVICE_AUTH, deviceAuth));
		CPPUNIT_ASSERT(reply.text(outputhdhr::DiscoveryPacket::TUNER_COUNT, tuners));
		CPPUNIT_ASSERT_EQUAL(device->getValue<std::string>("DeviceAuth"), deviceAuth);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), tuners.size());
		CPPUNIT_ASSERT_EQUAL(device->getValue<int>("TunerCount"), static_cast<int>(static_cast<Poco::UInt8>(tuners[0])));
		// the BaseURL is the tuner port as 127.0.0.1 reaches it, and answers discover.json
		CPPUNIT_ASSERT_EQUAL("http://127.0.0.1:" + std::to_string(_host->port("tuner")), baseUrl);
		CPPUNIT_ASSERT_EQUAL(baseUrl + "/lineup.json", lineupUrl);
		const auto fetched = fetch(baseUrl + "/discover.json");
		CPPUNIT_ASSERT_EQUAL(200, fetched.first);
		CPPUNIT_ASSERT_EQUAL(device->getValue<std::string>("DeviceID"),
			Poco::JSON::Parser().parse(fetched.second).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("DeviceID"));

		// another device's id, a reply, garbage and a bad CRC: no answer; the responder is still there after them
		outputhdhr::DiscoveryPacket other;
		other.addNumber(outputhdhr::DiscoveryPacket::DEVICE_ID, outputhdhr::DeviceId::withCheckDigit(id + 0x10));
		std::string damaged = discoverRequest();
		damaged.back() = static_cast<char>(damaged.back() ^ 1);
		for (const std::string& ignored : {other.encode(), answers[0], std::string("\x00\x02\x00", 3), damaged, std::string(3000, 'x')})
			CPPUNIT_ASSERT(askUdp(_discoveryPort, ignored, 300).empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), askUdp(_discoveryPort, discoverRequest()).size());

		// a burst: at most one answer per request, and the process does not grow
		restream::test::MemoryProbe memory;
		Poco::Net::DatagramSocket burst(Poco::Net::SocketAddress("127.0.0.1", 0));
		const std::string request = discoverRequest();
		for (int i = 0; i < 5000; ++i)
			burst.sendTo(request.data(), static_cast<int>(request.size()), Poco::Net::SocketAddress("127.0.0.1", _discoveryPort));
		std::size_t replies = 0;
		char buffer[2048];
		Poco::Net::SocketAddress sender;
		while (burst.poll(Poco::Timespan(1, 0), Poco::Net::Socket::SELECT_READ))
		{
			burst.receiveFrom(buffer, sizeof(buffer), sender);
			++replies;
		}
		std::cout << "\n[figure] a burst of 5000 discover requests: " << replies << " replies (the rest dropped by the kernel's buffers)" << std::endl;
		CPPUNIT_ASSERT(replies > 0 && replies <= 5000);
		CPPUNIT_ASSERT(memory.grewLessThan(4 * 1024));
	}

	void testSsdpSearch()
	{
		startDiscoveryHost({});
		for (const std::string target : {"ssdp:all", "upnp:rootdevice"})
		{
			const auto answers = askUdp(_ssdpPort, mSearch(target));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(target + "\n" + _host->log(), std::size_t(1), answers.size());
			Poco::Net::HTTPResponse response;
			std::istringstream in(answers[0]);
			response.read(in);
			CPPUNIT_ASSERT_EQUAL(Poco::Net::HTTPResponse::HTTP_OK, response.getStatus());
			CPPUNIT_ASSERT_EQUAL(std::string("upnp:rootdevice"), response.get("ST"));
			const std::string location = response.get("LOCATION");
			CPPUNIT_ASSERT_EQUAL("http://127.0.0.1:" + std::to_string(_host->port("tuner")) + "/device.xml", location);
			const auto fetched = fetch(location);
			CPPUNIT_ASSERT_EQUAL(200, fetched.first);
			auto document = parseXml(fetched.second);
			Poco::AutoPtr<Poco::XML::NodeList> udn = document->getElementsByTagName("UDN");
			CPPUNIT_ASSERT_EQUAL(1ul, udn->length());
			CPPUNIT_ASSERT_EQUAL(udn->item(0)->innerText() + "::upnp:rootdevice", response.get("USN"));
		}
		CPPUNIT_ASSERT(askUdp(_ssdpPort, mSearch("urn:schemas-upnp-org:device:MediaRenderer:1"), 300).empty());
		CPPUNIT_ASSERT(askUdp(_ssdpPort, "NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\n\r\n", 300).empty());
	}

	void testDiscoverySwitchedOff()
	{
		startDiscoveryHost({{"plugins.output-hdhr.discovery", "false"}, {"plugins.output-hdhr.ssdp", "off"}});
		CPPUNIT_ASSERT(askUdp(_discoveryPort, discoverRequest()).empty());
		CPPUNIT_ASSERT(askUdp(_ssdpPort, mSearch("ssdp:all")).empty());
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "tuner", "/discover.json").status);
	}

	void testDiscoveryOnlyForLan()
	{
		// the LAN rule of the LAN-only ports, without the loopback: 127.0.0.1 is not on the LAN
		startDiscoveryHost({{"http.lanNetworks", "192.168.0.0/16"}});
		CPPUNIT_ASSERT(askUdp(_discoveryPort, discoverRequest()).empty());
		CPPUNIT_ASSERT(askUdp(_ssdpPort, mSearch("ssdp:all")).empty());
		CPPUNIT_ASSERT_EQUAL(403, _host->request("GET", "tuner", "/discover.json").status); // the same rule over HTTP
	}

	void testDiscoveryPortTaken()
	{
		_discoveryPort = freeUdpPort();
		Poco::Net::DatagramSocket taken(Poco::Net::SocketAddress("0.0.0.0", _discoveryPort));
		startHost({{"plugins.output-hdhr.discoveryPort", std::to_string(_discoveryPort)}});
		CPPUNIT_ASSERT_MESSAGE(_host->log(), contains(_host->log(), "HDHomeRun discovery: UDP port " + std::to_string(_discoveryPort) + " cannot be bound"));
		CPPUNIT_ASSERT_EQUAL(200, _host->request("GET", "tuner", "/discover.json").status);
	}

	void testHdhomerunConfigFindsTheTuner()
		/// Silicondust's own client (Debian's hdhomerun-config, which
		/// scripts/setup-debian.sh does not install) sends its discover
		/// request to port 65001 only: the tuner listens there for this test,
		/// which is skipped with a note when the tool is absent or the port
		/// is taken.
	{
		const std::string tool = "/usr/bin/hdhomerun_config";
		if (!Poco::File(tool).exists())
		{
			std::cout << "\n[note] " << tool << " absent (apt-get install hdhomerun-config): not run" << std::endl;
			return;
		}
		try
		{
			Poco::Net::DatagramSocket probe(Poco::Net::SocketAddress("0.0.0.0", 65001));
		}
		catch (const Poco::Exception& exc)
		{
			std::cout << "\n[note] UDP port 65001 is taken (" << exc.displayText() << "): hdhomerun_config not run" << std::endl;
			return;
		}
		startHost({{"plugins.output-hdhr.discoveryPort", "65001"}});
		const std::string output = run({tool, "discover", "127.0.0.1"});
		// "hdhomerun device 1013FADA found at 127.0.0.1"
		CPPUNIT_ASSERT_MESSAGE(output + _host->log(), contains(output, "hdhomerun device " + discoverId() + " found at 127.0.0.1"));
	}

private:
	static std::string run(const std::vector<std::string>& command)
		/// command's standard output and error; it is killed after 10 s.
	{
		Poco::Pipe out;
		Poco::ProcessHandle process = Poco::Process::launch(command[0], {command.begin() + 1, command.end()}, nullptr, &out, &out);
		std::string text;
		std::atomic<bool> closed{false}; // the tool's end closes the pipe
		std::thread reader([&] {
			Poco::PipeInputStream in(out);
			Poco::StreamCopier::copyToString(in, text);
			closed = true;
		});
		const bool ended = waitFor([&] { return closed.load(); }, 10);
		if (!ended) Poco::Process::kill(process);
		process.wait();
		reader.join();
		CPPUNIT_ASSERT_MESSAGE(text, ended);
		return text;
	}

	void startDiscoveryHost(std::map<std::string, std::string> settings)
		/// startHost() with discovery and SSDP on free ports of their own.
	{
		_discoveryPort = freeUdpPort();
		_ssdpPort = freeUdpPort();
		settings["plugins.output-hdhr.discoveryPort"] = std::to_string(_discoveryPort);
		settings["plugins.output-hdhr.ssdpPort"] = std::to_string(_ssdpPort);
		startHost(settings);
	}

	void startHost(const std::map<std::string, std::string>& extra = {})
	{
		_provider = std::make_unique<FakeProvider>(_options);
		_provider->start();
		if (_plugins.empty()) _plugins = pluginDirectory();
		std::map<std::string, std::string> settings = extra;
		// discovery on free ports unless a test names them: never the machine's 65001 and 1900
		settings.emplace("plugins.output-hdhr.discoveryPort", std::to_string(freeUdpPort()));
		settings.emplace("plugins.output-hdhr.ssdpPort", std::to_string(freeUdpPort()));
		settings["plugins.dir"] = _plugins;
		settings["plugins.load"] = "auth-jwt, source-xtream, output-hls, output-hdhr, fixture-hdhr-ts";
		settings["http.ports"] = "admin, api, player, tuner";
		_host = std::make_unique<SignedInHost>(SignedInHost::withXtream(settings, _provider->baseUrl(), _options.username, _options.password));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(_host->log(), std::string(), _host->startError());
		CPPUNIT_ASSERT_MESSAGE(_host->log(), contains(_host->log(), "plugin output-hdhr 1.0.0 started"));
	}

	HttpResult get(const std::string& path)
	{
		const HttpResult result = _host->request("GET", "tuner", path);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(path + " " + result.body + "\n" + _host->log(), 200, result.status);
		return result;
	}

	static Poco::Dynamic::Var json(const HttpResult& result)
	{
		return Poco::JSON::Parser().parse(result.body);
	}

	std::string discoverId()
	{
		return json(get("/discover.json")).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("DeviceID");
	}

	std::map<Poco::Int64, std::string> lineupNumbers()
	{
		const auto lineup = json(get("/lineup.json")).extract<Poco::JSON::Array::Ptr>();
		std::map<Poco::Int64, std::string> numbers;
		for (unsigned i = 0; i < lineup->size(); ++i)
		{
			const auto channel = lineup->getObject(i);
			numbers[streamIdOf(channel->getValue<std::string>("URL"))] = channel->getValue<std::string>("GuideNumber");
		}
		return numbers;
	}

	std::vector<M3uEntry> playlistEntries(const std::string& query)
	{
		const HttpResult result = get("/playlist.m3u" + query);
		std::istringstream lines(result.body);
		std::string line;
		std::getline(lines, line);
		CPPUNIT_ASSERT_MESSAGE(line, line.compare(0, 7, "#EXTM3U") == 0);
		std::vector<M3uEntry> entries;
		while (std::getline(lines, line))
		{
			M3uEntry entry;
			CPPUNIT_ASSERT_MESSAGE(line, parseExtinf(line, entry));
			CPPUNIT_ASSERT(std::getline(lines, entry.url));
			CPPUNIT_ASSERT_MESSAGE(entry.url, entry.url.compare(0, 7, "http://") == 0);
			entries.push_back(entry);
		}
		return entries;
	}

	std::string waitForGuide(int seconds = 30)
		/// /epg.xml once it has programmes.
	{
		std::string text;
		const bool built = waitFor(
			[&] {
				text = get("/epg.xml").body;
				return contains(text, "<programme");
			},
			seconds);
		CPPUNIT_ASSERT_MESSAGE(_host->log(), built);
		return text;
	}

	static void xmllint(const std::string& text)
		/// Checks text with xmllint --noout (libxml2-utils, which
		/// scripts/setup-debian.sh --test installs), and against the XMLTV DTD
		/// when there is one: $XMLTV_DTD, else Debian xmltv-util's
		/// /usr/share/xmltv/xmltv.dtd (not installed by the setup: 111 Perl
		/// packages for one file).
	{
		CPPUNIT_ASSERT_MESSAGE("xmllint is missing: run scripts/setup-debian.sh --test", Poco::File("/usr/bin/xmllint").exists());
		Poco::TemporaryFile file;
		{
			Poco::FileOutputStream out(file.path());
			out << text;
		}
		CPPUNIT_ASSERT_EQUAL(0, std::system(("/usr/bin/xmllint --noout " + file.path()).c_str()));
		const char* configured = std::getenv("XMLTV_DTD");
		const std::string dtd = configured && *configured ? configured : "/usr/share/xmltv/xmltv.dtd";
		if (Poco::File(dtd).exists())
			CPPUNIT_ASSERT_EQUAL(0, std::system(("/usr/bin/xmllint --noout --dtdvalid " + dtd + " " + file.path()).c_str()));
		else
			std::cout << "\n[note] " << dtd << " absent: the guide was not validated against the XMLTV DTD" << std::endl;
	}

	ProviderOptions _options;
	unsigned short _discoveryPort = 0;
	unsigned short _ssdpPort = 0;
	std::unique_ptr<FakeProvider> _provider;
	std::unique_ptr<SignedInHost> _host;
	std::string _plugins;
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHdhrHttpTest);
