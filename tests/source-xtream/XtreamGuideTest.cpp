//
// XtreamGuideTest.cpp
//
// XtreamSource::openGuide() against the fake provider's xmltv.php: the
// guide streamed (gzip inflated), parsed with a SAX parser as the host
// will, in bounded memory whatever its size, with the timeouts, TLS-less
// transport rules, User-Agent and errors of the other calls, and an
// interrupted guide reported instead of taken for a whole one.
//

#include "GuideStream.h"
#include "PluginTestContext.h"
#include "ProviderClient.h"
#include "ServerAddress.h"
#include "XtreamSettings.h"
#include "XtreamSource.h"
#include "fakeprovider/FakeProvider.h"
#include "restream/SourceException.h"
#include <Poco/FileStream.h>
#include <Poco/Net/Context.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/ContentHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <vector>
#include <string>

using fakeprovider::ApiMode;
using fakeprovider::FakeProvider;
using fakeprovider::ProviderOptions;
using restream::SourceException;
using restream::test::PluginTestContext;
using sourcextream::GuideStream;
using sourcextream::ProviderClient;
using sourcextream::ServerAddress;
using sourcextream::XtreamSettings;
using sourcextream::XtreamSource;

namespace {

const std::string USER = "guide user";
const std::string PASSWORD = "gu1de&pa55";
const std::string AGENT = "TestAgent/1.0";

class GuideCounter : public Poco::XML::ContentHandler
	/// Counts the channels and programmes of an XMLTV document and keeps the channel ids.
{
public:
	std::set<std::string> channelIds;
	std::size_t programmes = 0;
	std::string root;

	void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName, const Poco::XML::XMLString&,
		const Poco::XML::Attributes& attributes) override
	{
		if (root.empty()) root = localName;
		if (localName == "channel") channelIds.insert(attributes.getValue("", "id"));
		if (localName == "programme") ++programmes;
	}

	void setDocumentLocator(const Poco::XML::Locator*) override
	{
	}
	void startDocument() override
	{
	}
	void endDocument() override
	{
	}
	void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override
	{
	}
	void characters(const Poco::XML::XMLChar[], int, int) override
	{
	}
	void ignorableWhitespace(const Poco::XML::XMLChar[], int, int) override
	{
	}
	void processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override
	{
	}
	void startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override
	{
	}
	void endPrefixMapping(const Poco::XML::XMLString&) override
	{
	}
	void skippedEntity(const Poco::XML::XMLString&) override
	{
	}
};

long residentKiB()
	/// VmRSS of this process (the fake provider runs in it too).
{
	Poco::FileInputStream status("/proc/self/status");
	std::string line;
	while (std::getline(status, line))
	{
		if (Poco::startsWith(line, std::string("VmRSS:"))) return std::stol(line.substr(6));
	}
	return 0;
}

} // namespace

class XtreamGuideTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(XtreamGuideTest);
	CPPUNIT_TEST(testGuideParses);
	CPPUNIT_TEST(testGuideInflated);
	CPPUNIT_TEST(testPlainGuide);
	CPPUNIT_TEST(testNotAGuide);
	CPPUNIT_TEST(testLargeGuideInBoundedMemory);
	CPPUNIT_TEST(testInterruptedGuideIsAnError);
	CPPUNIT_TEST(testClosedEarly);
	CPPUNIT_TEST(testUserAgentSent);
	CPPUNIT_TEST(testSlowGuideTimesOut);
	CPPUNIT_TEST(testWrongLogin);
	CPPUNIT_TEST(testRefusedGuide);
	CPPUNIT_TEST(testNoGuideEndpoint);
	CPPUNIT_TEST(testCredentialsNeverLogged);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		ProviderOptions options;
		options.username = USER;
		options.password = PASSWORD;
		_provider = std::make_unique<FakeProvider>(options);
		_provider->start();
		_context = std::make_unique<PluginTestContext>("source-xtream");
		_context->addSecret(USER);
		_context->addSecret(PASSWORD);
	}

	void tearDown() override
	{
		_context.reset();
		_provider.reset();
	}

	void testGuideParses()
	{
		const std::unique_ptr<std::istream> guide = source()->openGuide();
		CPPUNIT_ASSERT(guide);
		const GuideCounter counter = parse(*guide);
		CPPUNIT_ASSERT_EQUAL(std::string("tv"), counter.root);
		// every catalog channel with an epg_channel_id, the ids the catalog gives
		std::set<std::string> expected;
		for (const auto& channel : source()->channels())
			if (!channel.epgChannelId.empty()) expected.insert(channel.epgChannelId);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), expected.size());
		CPPUNIT_ASSERT(expected == counter.channelIds);
		CPPUNIT_ASSERT(counter.programmes >= 5 * 12); // 24 h of 15 min to 2 h shows each
		CPPUNIT_ASSERT(guide->eof());
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().xmltvRequests);
	}

	void testGuideInflated()
	{
		// the source asks for gzip and the fake provider gives it (Content-Encoding: gzip)
		{
			const std::unique_ptr<std::istream> guide = source()->openGuide();
			std::string text((std::istreambuf_iterator<char>(*guide)), std::istreambuf_iterator<char>());
			CPPUNIT_ASSERT(Poco::startsWith(text, std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")));
			CPPUNIT_ASSERT(Poco::endsWith(text, std::string("</tv>\n")));
		}
		CPPUNIT_ASSERT_MESSAGE(_context->log(), _context->log().find(" (gzip) in ") != std::string::npos);
		CPPUNIT_ASSERT(_context->log().find("read to its end") != std::string::npos);
	}

	void testLargeGuideInBoundedMemory()
	{
		_provider->setGuideSize(20000, 24);
		for (const bool gzip : {true, false})
		{
			const long before = residentKiB();
			long peak = before;
			std::size_t bytes = 0;
			const Poco::Timestamp started;
			{
				const std::unique_ptr<std::istream> guide = gzip ? source()->openGuide() : plainGuide();
				char buffer[16 * 1024];
				std::size_t sampled = 0;
				while (guide->read(buffer, sizeof(buffer)) || guide->gcount() > 0)
				{
					bytes += static_cast<std::size_t>(guide->gcount());
					if (bytes - sampled >= 4 * 1024 * 1024)
					{
						sampled = bytes;
						peak = std::max(peak, residentKiB());
					}
				}
			}
			const double seconds = static_cast<double>(started.elapsed()) / 1e6;
			std::cout << "\n  guide of 20 000 channels x 24 h" << (gzip ? ", gzip" : ", plain") << ": " << bytes / (1024 * 1024)
					  << " MiB of XMLTV in " << seconds << " s, " << static_cast<double>(bytes) / (1024 * 1024) / seconds
					  << " MiB/s; RSS +" << (peak - before) / 1024 << " MiB at most" << std::flush;
			CPPUNIT_ASSERT(bytes > 100u * 1024 * 1024);
			// never whole in memory: even the gzip body alone (about 13 MiB) would be more than this. Not judged
			// under AddressSanitizer, whose quarantine keeps freed memory (256 MB by default) resident.
#if !defined(__SANITIZE_ADDRESS__)
			CPPUNIT_ASSERT_MESSAGE(std::to_string((peak - before) / 1024) + " MiB", peak - before < 10 * 1024);
#endif
		}
	}

	void testPlainGuide()
	{
		// a provider that ignores Accept-Encoding: the text as it comes
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), parse(*plainGuide()).channelIds.size());
		CPPUNIT_ASSERT(_context->log().find("(gzip)") == std::string::npos);
		CPPUNIT_ASSERT(_context->log().find("read to its end") != std::string::npos);
	}

	void testNotAGuide()
	{
		// what else the provider serves, handed to the guide's check as xmltv.php's answer would be
		Poco::URI account(_provider->baseUrl() + "/player_api.php");
		account.addQueryParameter("username", USER);
		account.addQueryParameter("password", PASSWORD);
		const std::vector<std::pair<Poco::URI, std::string>> answers = {{account, "(it sent JSON)"},
			{Poco::URI(_provider->baseUrl() + "/logos/101.png"), "(it sent the text \"?PNG"},
			{Poco::URI(_provider->baseUrl() + "/_stats"), "(it sent JSON)"}};
		for (const auto& answer : answers)
		{
			GuideStream guide(*_context, client().open(answer.first, {}));
			std::string message;
			CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { guide.requireXmltv(); }, &message));
			CPPUNIT_ASSERT_MESSAGE(message, message.find(answer.second) != std::string::npos);
			CPPUNIT_ASSERT(Poco::startsWith(message, std::string("the server at 127.0.0.1 did not send an XMLTV guide from xmltv.php")));
		}
		_provider->setApiMode(ApiMode::HTML);
		GuideStream html(*_context, client().open(account, {}));
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { html.requireXmltv(); }, &message));
		CPPUNIT_ASSERT_MESSAGE(message, message.find("(it sent an HTML page)") != std::string::npos);
	}

	void testInterruptedGuideIsAnError()
	{
		// the provider goes away half-way (of 1.4 GB: the socket buffers cannot hold the rest): the guide
		// must not end as if it were whole, gzip or not
		_provider->setGuideSize(200000, 24);
		for (const bool gzip : {true, false})
		{
			const std::unique_ptr<std::istream> guide = gzip ? source()->openGuide() : plainGuide();
			char buffer[64 * 1024];
			guide->read(buffer, sizeof(buffer));
			_provider->stop();
			std::string message;
			const SourceException::Kind kind = kindOf([&]() {
				while (guide->read(buffer, sizeof(buffer)))
				{
				}
			}, &message);
			CPPUNIT_ASSERT_MESSAGE(message, kind == SourceException::ProviderError || kind == SourceException::Unreachable);
			CPPUNIT_ASSERT(guide->bad());
			std::cout << "\n  guide interrupted" << (gzip ? " (gzip)" : "") << ": " << message << std::flush;
			_provider->start();
		}
	}

	void testClosedEarly()
	{
		_provider->setGuideSize(20000, 24);
		{
			const std::unique_ptr<std::istream> guide = source()->openGuide();
			char buffer[1024];
			CPPUNIT_ASSERT(guide->read(buffer, sizeof(buffer)));
		}
		CPPUNIT_ASSERT(_context->log().find("closed before its end") != std::string::npos);
		// the connection was closed, not kept: the next guide comes at once
		_provider->setGuideSize(0, 24);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), parse(*source()->openGuide()).channelIds.size());
	}

	void testUserAgentSent()
	{
		const auto src = source();
		src->channels(); // the account is checked and kept: what follows concerns xmltv.php alone
		_provider->setUserAgentRequired("SomeOtherPlayer");
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { src->openGuide(); }, &message)); // 403
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 refused the login (check username and password)"), message);
		_provider->setUserAgentRequired(AGENT);
		CPPUNIT_ASSERT_EQUAL(std::size_t(5), parse(*src->openGuide()).channelIds.size());
	}

	void testSlowGuideTimesOut()
	{
		XtreamSettings settings = defaultSettings();
		settings.timeout = Poco::Timespan(1, 0);
		const auto src = source(settings);
		src->channels();
		_provider->setApiDelay(Poco::Timespan(5, 0));
		_provider->setApiMode(ApiMode::SLOW);
		const Poco::Timestamp started;
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::Timeout, kindOf([&]() { src->openGuide(); }, &message));
		CPPUNIT_ASSERT(started.elapsed() < 3000000);
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 did not answer within 1 s"), message);
	}

	void testWrongLogin()
	{
		// player_api.php says auth 0 first: xmltv.php is not asked
		XtreamSettings wrong = defaultSettings();
		wrong.password = "wrong";
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { source(wrong)->openGuide(); }, &message));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), _provider->stats().xmltvRequests);
	}

	void testRefusedGuide()
	{
		// the account turns expired after it was checked: xmltv.php answers 403 with an empty body
		const auto src = source();
		src->channels();
		_provider->setApiMode(ApiMode::EXPIRED);
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { src->openGuide(); }));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), _provider->stats().xmltvRequests);
	}

	void testNoGuideEndpoint()
	{
		// a panel without xmltv.php: the address has a base path that only player_api.php... is not there either
		std::string message;
		CPPUNIT_ASSERT_EQUAL(
			SourceException::ProviderError, kindOf([&]() { source(defaultSettings(), _provider->baseUrl() + "/epg")->openGuide(); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at 127.0.0.1 answered HTTP 404 Not Found"), message);
	}

	void testCredentialsNeverLogged()
	{
		parse(*source()->openGuide());
		XtreamSettings wrong = defaultSettings();
		wrong.password = PASSWORD + "x";
		std::string message;
		kindOf([&]() { source(wrong)->openGuide(); }, &message);
		const std::string log = _context->log();
		CPPUNIT_ASSERT_MESSAGE(log, log.find("/xmltv.php?username=***&password=***: guide, ") != std::string::npos);
		for (const std::string& text : {log, message})
		{
			CPPUNIT_ASSERT_MESSAGE(text, text.find("guide%20user") == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(text, text.find("guide user") == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(text, text.find("gu1de") == std::string::npos);
		}
	}

private:
	static XtreamSettings defaultSettings()
	{
		XtreamSettings settings;
		settings.username = USER;
		settings.password = PASSWORD;
		settings.userAgent = AGENT;
		settings.timeout = Poco::Timespan(5, 0);
		return settings;
	}

	std::shared_ptr<XtreamSource> source(const XtreamSettings& settings = defaultSettings(), const std::string& url = "")
	{
		Poco::Net::Context::Params params;
		params.loadDefaultCAs = true;
		return std::make_shared<XtreamSource>(*_context, ServerAddress(url.empty() ? _provider->baseUrl() : url), settings,
			new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params));
	}

	std::unique_ptr<std::istream> plainGuide() const
		/// The guide as openGuide() gives it, but asked without Accept-Encoding: gzip.
	{
		auto guide = std::make_unique<GuideStream>(*_context, client().open(guideUrl(), {}));
		guide->requireXmltv();
		return guide;
	}

	ProviderClient client() const
	{
		ProviderClient::Options options;
		options.userAgent = AGENT;
		return ProviderClient(*_context, options, new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, Poco::Net::Context::Params()));
	}

	Poco::URI guideUrl() const
		/// FakeProvider::guideUrl() does not encode the credentials.
	{
		Poco::URI uri(_provider->baseUrl() + "/xmltv.php");
		uri.addQueryParameter("username", USER);
		uri.addQueryParameter("password", PASSWORD);
		return uri;
	}

	static GuideCounter parse(std::istream& guide)
	{
		GuideCounter counter;
		Poco::XML::SAXParser parser;
		parser.setContentHandler(&counter);
		Poco::XML::InputSource input(guide);
		parser.parse(&input);
		return counter;
	}

	static SourceException::Kind kindOf(const std::function<void()>& call, std::string* message = nullptr)
	{
		try
		{
			call();
		}
		catch (const SourceException& exc)
		{
			if (message) *message = exc.message();
			return exc.kind();
		}
		CPPUNIT_FAIL("no SourceException");
		return SourceException::NotConfigured;
	}

	std::unique_ptr<FakeProvider> _provider;
	std::unique_ptr<PluginTestContext> _context;
};

CPPUNIT_TEST_SUITE_REGISTRATION(XtreamGuideTest);
