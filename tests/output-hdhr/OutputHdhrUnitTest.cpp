//
// OutputHdhrUnitTest.cpp
//
// output-hdhr's parts without a host: the HDHomeRun DeviceID check digit
// and the identity kept in the state directory, GuideNumbers, M3U lines,
// the SAX guide filter (well-formed output, filtering, broken guides,
// bounded memory on a synthetic guide of tens of MB) and Accept-Encoding.
//

#include "ChannelNumbers.h"
#include "DeviceId.h"
#include "DeviceIdentity.h"
#include "GuideFilter.h"
#include "GuideInput.h"
#include "GuideRoute.h"
#include "Lineup.h"
#include "M3uWriter.h"
#include "MemoryProbe.h"
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/NullStream.h>
#include <Poco/Path.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/Stopwatch.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <iostream>
#include <set>
#include <sstream>
#include <streambuf>

using namespace outputhdhr;

namespace {

restream::ChannelInfo channel(Poco::Int64 streamId, const std::string& number, const std::string& name = "Channel")
{
	restream::ChannelInfo info;
	info.streamId = streamId;
	info.number = number;
	info.name = name;
	return info;
}

class SyntheticGuide : public std::streambuf
	/// An XMLTV guide of channels × programmes made while it is read, never
	/// whole in memory: about 400 bytes per programme.
{
public:
	SyntheticGuide(int channels, int programmesPerChannel):
		_channels(channels),
		_programmes(programmesPerChannel)
	{
		_piece = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv generator-info-name=\"synthetic\">\n";
		setg(&_piece[0], &_piece[0], &_piece[0] + _piece.size());
	}

	std::size_t produced() const
	{
		return _produced;
	}

protected:
	int_type underflow() override
	{
		if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
		_produced += _piece.size();
		_piece.clear();
		while (_piece.size() < 64 * 1024 && _stage < 3)
		{
			if (_stage == 0)
			{
				const std::string id = "ch" + std::to_string(_channel) + ".tv";
				_piece += "<channel id=\"" + id + "\"><display-name>Chaîne " + std::to_string(_channel) +
						  " &amp; Co</display-name><icon src=\"http://logos.example/" + id + ".png\"/></channel>\n";
				if (++_channel == _channels) _stage = 1, _channel = 0;
			}
			else if (_stage == 1)
			{
				const std::string id = "ch" + std::to_string(_channel) + ".tv";
				_piece += "<programme start=\"20261204" + std::to_string(100000 + _programme) + " +0100\" stop=\"20261204" +
						  std::to_string(100001 + _programme) + " +0100\" channel=\"" + id +
						  "\"><title lang=\"fr\">Questions &amp; Réponses &lt;Direct&gt;</title><desc lang=\"fr\">"
						  "L&apos;essentiel de l&apos;actualité, en France et dans le monde, épisode " +
						  std::to_string(_programme) + ".</desc><category lang=\"fr\">Info</category></programme>\n";
				if (++_channel == _channels)
				{
					_channel = 0;
					if (++_programme == _programmes) _stage = 2;
				}
			}
			else
			{
				_piece += "</tv>\n";
				_stage = 3;
			}
		}
		if (_piece.empty()) return traits_type::eof();
		setg(&_piece[0], &_piece[0], &_piece[0] + _piece.size());
		return traits_type::to_int_type(*gptr());
	}

private:
	const int _channels;
	const int _programmes;
	int _stage = 0;
	int _channel = 0;
	int _programme = 0;
	std::string _piece;
	std::size_t _produced = 0;
};

Poco::AutoPtr<Poco::XML::Document> parseXml(const std::string& text)
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

} // namespace

class OutputHdhrUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHdhrUnitTest);
	CPPUNIT_TEST(testKnownDeviceIds);
	CPPUNIT_TEST(testCheckDigitIsTheOnlyOne);
	CPPUNIT_TEST(testIdentityKeptInStateDirectory);
	CPPUNIT_TEST(testUnreadableIdentityIsReplaced);
	CPPUNIT_TEST(testOwnNumbersWin);
	CPPUNIT_TEST(testKeptNumbersSurviveRestartAndRefresh);
	CPPUNIT_TEST(testHdNames);
	CPPUNIT_TEST(testM3uLineSurvivesQuotesAndCommas);
	CPPUNIT_TEST(testGuideFilterKeepsLineupChannels);
	CPPUNIT_TEST(testGuideFilterRefusesBrokenGuides);
	CPPUNIT_TEST(testGuideFilterStops);
	CPPUNIT_TEST(testGuideFilterBoundedMemory);
	CPPUNIT_TEST(testAcceptsGzip);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_directory = Poco::TemporaryFile::tempName();
		Poco::File(_directory).createDirectories();
	}

	void tearDown() override
	{
		Poco::File(_directory).remove(true);
	}

	void testKnownDeviceIds()
	{
		// Ids of real HDHomeRun devices, as public code addresses them.
		for (const char* text : {"1013FADA", "10123716", "10119A68", "1013fada"})
		{
			Poco::UInt32 id = 0;
			CPPUNIT_ASSERT_MESSAGE(text, DeviceId::parse(text, id));
			CPPUNIT_ASSERT_MESSAGE(text, DeviceId::valid(id));
			CPPUNIT_ASSERT_EQUAL(id, DeviceId::withCheckDigit(id));
		}
		for (const char* text : {"1013FADB", "12345678", "10123717", "FFFFFFFE"})
		{
			Poco::UInt32 id = 0;
			CPPUNIT_ASSERT(DeviceId::parse(text, id));
			CPPUNIT_ASSERT_MESSAGE(text, !DeviceId::valid(id));
		}
		Poco::UInt32 id = 0;
		for (const char* text : {"1013FAD", "1013FADAA", "1013FADG", "+013FADA", " 013FADA"}) CPPUNIT_ASSERT_MESSAGE(text, !DeviceId::parse(text, id));
		CPPUNIT_ASSERT_EQUAL(std::string("1013FADA"), DeviceId::format(0x1013FADAu));
		CPPUNIT_ASSERT_EQUAL(std::string("1000000F"), DeviceId::format(DeviceId::withCheckDigit(0x10000000u)));
	}

	void testCheckDigitIsTheOnlyOne()
	{
		for (Poco::UInt32 base = 0x10000000u; base < 0x10000000u + 4096 * 16; base += 16)
		{
			int valid = 0;
			for (Poco::UInt32 digit = 0; digit < 16; ++digit) valid += DeviceId::valid(base | digit) ? 1 : 0;
			CPPUNIT_ASSERT_EQUAL(1, valid);
			CPPUNIT_ASSERT(DeviceId::valid(DeviceId::withCheckDigit(base)));
		}
	}

	void testIdentityKeptInStateDirectory()
	{
		const DeviceIdentity first = DeviceIdentity::load(_directory, logger());
		Poco::UInt32 id = 0;
		CPPUNIT_ASSERT(DeviceId::parse(first.deviceId(), id));
		CPPUNIT_ASSERT(DeviceId::valid(id));
		CPPUNIT_ASSERT_EQUAL('1', first.deviceId()[0]);
		CPPUNIT_ASSERT(!first.deviceAuth().empty());
		CPPUNIT_ASSERT_EQUAL(std::size_t(36), first.uuid().size());
		const DeviceIdentity again = DeviceIdentity::load(_directory, logger());
		CPPUNIT_ASSERT_EQUAL(first.deviceId(), again.deviceId());
		CPPUNIT_ASSERT_EQUAL(first.deviceAuth(), again.deviceAuth());
		CPPUNIT_ASSERT_EQUAL(first.uuid(), again.uuid());
		// another state directory: another device
		const std::string other = Poco::Path(_directory, "other").toString();
		Poco::File(other).createDirectories();
		CPPUNIT_ASSERT(DeviceIdentity::load(other, logger()).deviceId() != first.deviceId());
	}

	void testUnreadableIdentityIsReplaced()
	{
		const std::string path = Poco::Path(_directory, "device.json").toString();
		for (const char* content : {"not json", "{\"deviceId\":\"12345678\",\"deviceAuth\":\"x\",\"uuid\":\"y\"}"})
		{
			{
				Poco::FileOutputStream out(path);
				out << content;
			}
			const DeviceIdentity identity = DeviceIdentity::load(_directory, logger());
			Poco::UInt32 id = 0;
			CPPUNIT_ASSERT(DeviceId::parse(identity.deviceId(), id));
			CPPUNIT_ASSERT_MESSAGE(identity.deviceId(), DeviceId::valid(id));
			CPPUNIT_ASSERT_EQUAL(identity.deviceId(), DeviceIdentity::load(_directory, logger()).deviceId());
		}
	}

	void testOwnNumbersWin()
	{
		ChannelNumbers numbers(Poco::Path(_directory, "numbers.json").toString(), logger());
		const auto assigned = numbers.assign({channel(1, "7"), channel(2, "3"), channel(3, "7"), channel(4, "")});
		CPPUNIT_ASSERT_EQUAL(std::string("7"), assigned[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("3"), assigned[1]);
		// a duplicate and a missing number get numbers above every number in use
		CPPUNIT_ASSERT_EQUAL(std::string("8"), assigned[2]);
		CPPUNIT_ASSERT_EQUAL(std::string("9"), assigned[3]);
	}

	void testKeptNumbersSurviveRestartAndRefresh()
	{
		const std::string path = Poco::Path(_directory, "numbers.json").toString();
		std::vector<std::string> first;
		{
			ChannelNumbers numbers(path, logger());
			first = numbers.assign({channel(10, ""), channel(11, "100"), channel(12, "")});
		}
		CPPUNIT_ASSERT_EQUAL(std::string("101"), first[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("100"), first[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("102"), first[2]);
		// a restart, and a refresh that adds a channel before them and a higher own number
		ChannelNumbers numbers(path, logger());
		const auto second = numbers.assign({channel(9, ""), channel(12, ""), channel(11, "100"), channel(10, ""), channel(13, "200")});
		CPPUNIT_ASSERT_EQUAL(std::string("102"), second[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("100"), second[2]);
		CPPUNIT_ASSERT_EQUAL(std::string("101"), second[3]);
		CPPUNIT_ASSERT_EQUAL(std::string("200"), second[4]);
		CPPUNIT_ASSERT_EQUAL(std::string("201"), second[0]);
		// the same again: nothing moves
		CPPUNIT_ASSERT(second == numbers.assign({channel(9, ""), channel(12, ""), channel(11, "100"), channel(10, ""), channel(13, "200")}));
	}

	void testHdNames()
	{
		CPPUNIT_ASSERT(Lineup::looksHd("Sport Extrême HD"));
		CPPUNIT_ASSERT(Lineup::looksHd("FR: TF1 FHD"));
		CPPUNIT_ASSERT(Lineup::looksHd("Film 4K|UHD"));
		CPPUNIT_ASSERT(!Lineup::looksHd("HDMI Channel"));
		CPPUNIT_ASSERT(!Lineup::looksHd("Shadow"));
		CPPUNIT_ASSERT(!Lineup::looksHd(""));
	}

	void testM3uLineSurvivesQuotesAndCommas()
	{
		LineupSnapshot::Entry entry;
		entry.channel = channel(104, "4", "Le \"Grand\" Journal, & Co\n📺");
		entry.channel.epgId = "grandjournal.fr";
		entry.channel.logoUrl = "http://logos.example/a b,\"c\".png";
		entry.channel.categoryName = "Info, \"news\"";
		entry.guideNumber = "4";
		std::string text;
		M3uWriter::appendEntry(text, entry, "http://box.lan:5004/stream/104.ts");
		std::istringstream lines(text);
		std::string extinf, url, rest;
		std::getline(lines, extinf);
		std::getline(lines, url);
		CPPUNIT_ASSERT_MESSAGE(text, !std::getline(lines, rest));
		CPPUNIT_ASSERT_EQUAL(std::string("http://box.lan:5004/stream/104.ts"), url);
		// quotes come in pairs around attribute values; one comma only, before the title
		CPPUNIT_ASSERT_EQUAL(std::size_t(10), static_cast<std::size_t>(std::count(extinf.begin(), extinf.end(), '"')));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), static_cast<std::size_t>(std::count(extinf.begin(), extinf.end(), ',')));
		const std::string title = extinf.substr(extinf.find(',') + 1);
		CPPUNIT_ASSERT_EQUAL(std::string("Le 'Grand' Journal\xE2\x80\x9A & Co 📺"), title);
		CPPUNIT_ASSERT(extinf.find("tvg-name=\"" + title + "\"") != std::string::npos);
		CPPUNIT_ASSERT(extinf.find("tvg-id=\"grandjournal.fr\"") != std::string::npos);
		CPPUNIT_ASSERT(extinf.find("tvg-chno=\"4\"") != std::string::npos);
		CPPUNIT_ASSERT(extinf.find("tvg-logo=\"http://logos.example/a%20b%2C%22c%22.png\"") != std::string::npos);
		CPPUNIT_ASSERT(extinf.find("group-title=\"Info\xE2\x80\x9A 'news'\"") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string("#EXTM3U url-tvg=\"http://box.lan:5004/epg.xml\" x-tvg-url=\"http://box.lan:5004/epg.xml\"\n"),
			M3uWriter::header("http://box.lan:5004/epg.xml"));
	}

	void testGuideFilterKeepsLineupChannels()
	{
		const std::string guide =
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"http://127.0.0.1:1/xmltv.dtd\">\n"
			"<tv generator-info-name=\"panel\" source-info-url=\"http://panel.example/xmltv.php?username=u&amp;password=p\">\n"
			"  <channel id=\"a.fr\"><display-name lang=\"fr\">Le &quot;A&quot; &amp; Co</display-name><icon src=\"http://l/a.png\"/></channel>\n"
			"  <channel id=\"b.fr\"><display-name>B</display-name></channel>\n"
			"  <channel id=\"c.fr\"><display-name>C &lt;3</display-name></channel>\n"
			"  <programme start=\"20261204190000 +0100\" stop=\"20261204193000 +0100\" channel=\"a.fr\"><title>Questions &amp; Réponses</title>"
			"<desc><![CDATA[Du <b>gras</b>]]></desc><credits><actor role=\"x\">Y</actor></credits></programme>\n"
			"  <programme start=\"20261204190000 +0100\" stop=\"20261204193000 +0100\" channel=\"b.fr\"><title>B1</title></programme>\n"
			"  <programme start=\"20261204193000 +0100\" stop=\"20261204200000 +0100\" channel=\"c.fr\"><title>C1</title></programme>\n"
			"  <?pi something?><!-- a comment --><unknown/>\n"
			"</tv>\n";
		const std::set<std::string> ids = {"a.fr", "c.fr", "z.fr"};
		std::ostringstream out;
		GuideFilter filter(ids, out);
		std::istringstream in(guide);
		filter.parse(in);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), filter.channels());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), filter.programmes());
		const std::string text = out.str();
		std::cout << "\n" << text;
		auto document = parseXml(text);
		CPPUNIT_ASSERT_EQUAL(std::string("tv"), document->documentElement()->tagName());
		CPPUNIT_ASSERT_EQUAL(std::string("restream"), document->documentElement()->getAttribute("generator-info-name"));
		CPPUNIT_ASSERT(text.find("panel.example") == std::string::npos);
		CPPUNIT_ASSERT(attributesOf(*document, "channel", "id") == std::set<std::string>({"a.fr", "c.fr"}));
		CPPUNIT_ASSERT(attributesOf(*document, "programme", "channel") == std::set<std::string>({"a.fr", "c.fr"}));
		CPPUNIT_ASSERT(attributesOf(*document, "icon", "src") == std::set<std::string>({"http://l/a.png"}));
		CPPUNIT_ASSERT(attributesOf(*document, "actor", "role") == std::set<std::string>({"x"}));
		Poco::AutoPtr<Poco::XML::NodeList> names = document->getElementsByTagName("display-name");
		CPPUNIT_ASSERT_EQUAL(std::string("Le \"A\" & Co"), names->item(0)->innerText());
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), static_cast<Poco::XML::Element*>(names->item(0))->getAttribute("lang"));
		CPPUNIT_ASSERT_EQUAL(std::string("C <3"), names->item(1)->innerText());
		Poco::AutoPtr<Poco::XML::NodeList> descriptions = document->getElementsByTagName("desc");
		CPPUNIT_ASSERT_EQUAL(std::string("Du <b>gras</b>"), descriptions->item(0)->innerText());
		Poco::AutoPtr<Poco::XML::NodeList> titles = document->getElementsByTagName("title");
		CPPUNIT_ASSERT_EQUAL(std::string("Questions & Réponses"), titles->item(0)->innerText());
		CPPUNIT_ASSERT(Poco::AutoPtr<Poco::XML::NodeList>(document->getElementsByTagName("unknown"))->length() == 0);
		// the start attribute survives as written
		CPPUNIT_ASSERT(text.find("start=\"20261204190000 +0100\"") != std::string::npos);
	}

	void testGuideFilterRefusesBrokenGuides()
	{
		const std::set<std::string> ids = {"a.fr"};
		for (const char* broken : {"<tv><channel id=\"a.fr\"><display-name>A</display-name>", "<tv><channel id=\"a.fr\"></tv>", "", "not xml"})
		{
			std::ostringstream out;
			GuideFilter filter(ids, out);
			std::istringstream in(broken);
			CPPUNIT_ASSERT_THROW_MESSAGE(broken, filter.parse(in), Poco::XML::SAXParseException);
		}
		std::ostringstream out;
		GuideFilter filter(ids, out);
		std::istringstream in("<rss><channel id=\"a.fr\"/></rss>");
		CPPUNIT_ASSERT_THROW(filter.parse(in), Poco::DataFormatException);
		// an undefined entity in a guide without a DTD is not XML
		std::ostringstream out2;
		GuideFilter filter2(ids, out2);
		std::istringstream in2("<tv><channel id=\"a.fr\"><display-name>A&nbsp;B</display-name></channel></tv>");
		CPPUNIT_ASSERT_THROW(filter2.parse(in2), Poco::XML::SAXParseException);
	}

	void testGuideFilterStops()
	{
		SyntheticGuide synthetic(100, 1000);
		std::istream source(&synthetic);
		std::atomic<bool> stop{true};
		GuideInput input(source, stop);
		std::istream in(&input);
		Poco::NullOutputStream out;
		GuideFilter filter({"ch1.tv"}, out);
		CPPUNIT_ASSERT_THROW(filter.parse(in), Poco::XML::SAXParseException);
		CPPUNIT_ASSERT(input.stopped());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), input.bytesRead());
	}

	void testGuideFilterBoundedMemory()
	{
		// 2 000 channels × 80 programmes ≈ 50 MB, made while it is read.
		std::set<std::string> ids;
		for (int i = 0; i < 2000; i += 200) ids.insert("ch" + std::to_string(i) + ".tv");
		SyntheticGuide synthetic(2000, 80);
		std::istream source(&synthetic);
		std::atomic<bool> stop{false};
		GuideInput input(source, stop);
		std::istream in(&input);
		std::ostringstream out;
		restream::test::MemoryProbe memory;
		Poco::Stopwatch watch;
		watch.start();
		GuideFilter filter(ids, out);
		filter.parse(in);
		memory.finish();
		const double megabytes = static_cast<double>(input.bytesRead()) / 1e6;
		std::cout << "\n[figure] synthetic guide " << megabytes << " MB filtered to " << filter.channels() << " channels, "
				  << filter.programmes() << " programmes (" << out.str().size() / 1000 << " KB) in " << watch.elapsed() / 1000
				  << " ms; RSS " << memory.beforeKb() / 1024 << " MB before, peak " << memory.peakKb() / 1024 << " MB, "
				  << memory.afterKb() / 1024 << " MB after" << std::endl;
		CPPUNIT_ASSERT(megabytes > 40);
		CPPUNIT_ASSERT_EQUAL(std::size_t(10), filter.channels());
		CPPUNIT_ASSERT_EQUAL(std::size_t(800), filter.programmes());
		parseXml(out.str());
		// the filtered output (~0.3 MB) and parser buffers: nothing near the guide's size
		CPPUNIT_ASSERT(memory.grewLessThan(16 * 1024));
	}

	void testAcceptsGzip()
	{
		CPPUNIT_ASSERT(GuideRoute::acceptsGzip("gzip"));
		CPPUNIT_ASSERT(GuideRoute::acceptsGzip("gzip, deflate, br"));
		CPPUNIT_ASSERT(GuideRoute::acceptsGzip("deflate, GZIP;q=0.5"));
		CPPUNIT_ASSERT(GuideRoute::acceptsGzip("x-gzip"));
		CPPUNIT_ASSERT(GuideRoute::acceptsGzip("*"));
		CPPUNIT_ASSERT(!GuideRoute::acceptsGzip(""));
		CPPUNIT_ASSERT(!GuideRoute::acceptsGzip("identity"));
		CPPUNIT_ASSERT(!GuideRoute::acceptsGzip("gzip;q=0"));
		CPPUNIT_ASSERT(!GuideRoute::acceptsGzip("br, gzip; q=0.0"));
		CPPUNIT_ASSERT(!GuideRoute::acceptsGzip("gzipped"));
	}

private:
	static Poco::Logger& logger()
	{
		return Poco::Logger::get("output-hdhr-test");
	}

	std::string _directory;
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHdhrUnitTest);
