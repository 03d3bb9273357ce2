//
// XtreamParsingTest.cpp
//
// Unit tests of source-xtream without a network: server address
// normalisation, the quirks of panels' JSON, channel numbers, the
// classification of their answers (player_api.php and xmltv.php), the
// look-ahead buffer of guides and a 50 000-channel list. The plugin's
// objects are linked in (source-xtream-objects).
//

#include "CatalogGenerator.h"
#include "JsonRepair.h"
#include "PanelParser.h"
#include "ServerAddress.h"
#include "PluginTestContext.h"
#include "ReadBuffer.h"
#include "XmltvStart.h"
#include "restream/SourceException.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <string>
#include <vector>

using restream::SourceAccount;
using restream::SourceCategory;
using restream::SourceChannel;
using restream::SourceException;
using restream::test::PluginTestContext;
using restream::xtream::bench::CatalogGenerator;
using sourcextream::JsonRepair;
using sourcextream::PanelParser;
using sourcextream::ReadBuffer;
using sourcextream::ServerAddress;
using sourcextream::XmltvStart;

namespace {

const std::string SERVER = "panel.example.org";
const std::string USER = "alice_user";
const std::string PASSWORD = "s3cret-pass";

} // namespace

class XtreamParsingTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(XtreamParsingTest);
	CPPUNIT_TEST(testAddressPlain);
	CPPUNIT_TEST(testAddressTrailingSlash);
	CPPUNIT_TEST(testAddressPlayerApi);
	CPPUNIT_TEST(testAddressGetPhpWithCredentials);
	CPPUNIT_TEST(testAddressStalkerPaths);
	CPPUNIT_TEST(testAddressStreamUrls);
	CPPUNIT_TEST(testAddressWithoutScheme);
	CPPUNIT_TEST(testAddressHttpsDefaultPort);
	CPPUNIT_TEST(testAddressBasePathKept);
	CPPUNIT_TEST(testAddressUserInfoDropped);
	CPPUNIT_TEST(testAddressIpv6);
	CPPUNIT_TEST(testAddressInvalid);
	CPPUNIT_TEST(testNumbersAsStrings);
	CPPUNIT_TEST(testNullFields);
	CPPUNIT_TEST(testChannelNumbers);
	CPPUNIT_TEST(testBooleansInAllForms);
	CPPUNIT_TEST(testUtf8NamesKept);
	CPPUNIT_TEST(testEscapedUnicodeDecoded);
	CPPUNIT_TEST(testEmptyListForms);
	CPPUNIT_TEST(testByteOrderMark);
	CPPUNIT_TEST(testInvalidIdsSkipped);
	CPPUNIT_TEST(testDuplicateIdsKeepFirst);
	CPPUNIT_TEST(testNestedValuesIgnored);
	CPPUNIT_TEST(testLatin1AndControlCharactersMended);
	CPPUNIT_TEST(testCategories);
	CPPUNIT_TEST(testAccountFacts);
	CPPUNIT_TEST(testAccountNumbersAndNoExpiry);
	CPPUNIT_TEST(testHtmlPageIsNotAPanel);
	CPPUNIT_TEST(testPlainTextIsNotAPanel);
	CPPUNIT_TEST(testEmptyAnswerIsNotAPanel);
	CPPUNIT_TEST(testEmptyObjectIsNotAPanel);
	CPPUNIT_TEST(testOtherJsonIsNotAPanel);
	CPPUNIT_TEST(testMalformedJsonIsNotAPanel);
	CPPUNIT_TEST(testAuthZeroIsBadCredentials);
	CPPUNIT_TEST(testListAnsweredWithLoginFailure);
	CPPUNIT_TEST(testExpiredAccount);
	CPPUNIT_TEST(testExpiryDateInThePast);
	CPPUNIT_TEST(testBannedAndDisabledAccounts);
	CPPUNIT_TEST(testMessagesCarryNoCredentials);
	CPPUNIT_TEST(testFiftyThousandChannels);
	CPPUNIT_TEST(testFiftyThousandChannelsPhpStyle);
	CPPUNIT_TEST(testXmltvStart);
	CPPUNIT_TEST(testReadBufferPeeks);
	CPPUNIT_TEST(testReadBufferErrorsReachTheReader);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_context.reset(new PluginTestContext("source-xtream"));
		_context->addSecret(USER);
		_context->addSecret(PASSWORD);
		_parser.reset(new PanelParser(SERVER, [this](const std::string& text) { return _context->redact(text); }));
	}

	void tearDown() override
	{
		_parser.reset();
		_context.reset();
	}

	// --- server addresses

	void testAddressPlain()
	{
		const ServerAddress address("http://panel.example.org:8080");
		CPPUNIT_ASSERT_EQUAL(std::string("http"), address.scheme());
		CPPUNIT_ASSERT_EQUAL(std::string("panel.example.org"), address.host());
		CPPUNIT_ASSERT_EQUAL(8080, static_cast<int>(address.port()));
		CPPUNIT_ASSERT_EQUAL(std::string(""), address.basePath());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), address.baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("panel.example.org:8080"), address.authority());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080/player_api.php"), address.endpoint("player_api.php").toString());
	}

	void testAddressTrailingSlash()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), ServerAddress("http://panel.example.org:8080/").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), ServerAddress("  http://panel.example.org:8080//  ").baseUrl());
	}

	void testAddressPlayerApi()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"),
			ServerAddress("http://panel.example.org:8080/player_api.php").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"),
			ServerAddress("http://panel.example.org:8080/player_api.php?username=a&password=b").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"),
			ServerAddress("http://panel.example.org:8080/xmltv.php").baseUrl());
	}

	void testAddressGetPhpWithCredentials()
	{
		const ServerAddress address("http://panel.example.org:8080/get.php?username=" + USER + "&password=" + PASSWORD +
			"&type=m3u_plus&output=ts");
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), address.baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string(""), address.basePath());
	}

	void testAddressStalkerPaths()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), ServerAddress("http://panel.example.org:8080/c/").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), ServerAddress("http://panel.example.org:8080/c").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org"),
			ServerAddress("http://panel.example.org/stalker_portal/c/index.html").baseUrl());
	}

	void testAddressStreamUrls()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"),
			ServerAddress("http://panel.example.org:8080/live/" + USER + "/" + PASSWORD + "/101.ts").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"),
			ServerAddress("http://panel.example.org:8080/" + USER + "/" + PASSWORD + "/101").baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"),
			ServerAddress("http://panel.example.org:8080/" + USER + "/" + PASSWORD + "/101.m3u8").baseUrl());
	}

	void testAddressWithoutScheme()
	{
		const ServerAddress withPort("panel.example.org:8080");
		CPPUNIT_ASSERT_EQUAL(std::string("http"), withPort.scheme());
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), withPort.baseUrl());
		const ServerAddress bare("panel.example.org");
		CPPUNIT_ASSERT_EQUAL(80, static_cast<int>(bare.port()));
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org"), bare.baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("panel.example.org:80"), bare.authority());
	}

	void testAddressHttpsDefaultPort()
	{
		const ServerAddress address("HTTPS://panel.example.org/player_api.php");
		CPPUNIT_ASSERT_EQUAL(std::string("https"), address.scheme());
		CPPUNIT_ASSERT_EQUAL(443, static_cast<int>(address.port()));
		CPPUNIT_ASSERT_EQUAL(std::string("https://panel.example.org"), address.baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("https://panel.example.org:8443"), ServerAddress("https://panel.example.org:8443/").baseUrl());
	}

	void testAddressBasePathKept()
	{
		const ServerAddress address("https://proxy.example.org/iptv/player_api.php?username=a");
		CPPUNIT_ASSERT_EQUAL(std::string("/iptv"), address.basePath());
		CPPUNIT_ASSERT_EQUAL(std::string("https://proxy.example.org/iptv"), address.baseUrl());
		CPPUNIT_ASSERT_EQUAL(std::string("https://proxy.example.org/iptv/player_api.php"), address.endpoint("player_api.php").toString());
		CPPUNIT_ASSERT_EQUAL(std::string("/iptv/xc"), ServerAddress("http://proxy.example.org/iptv/xc/").basePath());
	}

	void testAddressUserInfoDropped()
	{
		const ServerAddress address("http://" + USER + ":" + PASSWORD + "@panel.example.org:8080/");
		CPPUNIT_ASSERT_EQUAL(std::string("http://panel.example.org:8080"), address.baseUrl());
	}

	void testAddressIpv6()
	{
		const ServerAddress address("http://[2001:db8::1]:8080/player_api.php");
		CPPUNIT_ASSERT_EQUAL(std::string("2001:db8::1"), address.host());
		CPPUNIT_ASSERT_EQUAL(std::string("[2001:db8::1]:8080"), address.authority());
		CPPUNIT_ASSERT_EQUAL(std::string("http://[2001:db8::1]:8080"), address.baseUrl());
	}

	void testAddressInvalid()
	{
		const std::vector<std::string> invalid = {"", "   ", "ftp://panel.example.org/", "rtmp://panel.example.org:1935",
			"http://", "http://panel.example.org:notaport/", "http:///player_api.php?password=" + PASSWORD};
		for (const auto& text : invalid)
		{
			try
			{
				ServerAddress address(text);
				CPPUNIT_FAIL("accepted '" + text + "' as " + address.baseUrl());
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				CPPUNIT_ASSERT(!exc.message().empty());
				CPPUNIT_ASSERT(exc.message().find(PASSWORD) == std::string::npos);
			}
		}
	}

	// --- parsing quirks

	void testNumbersAsStrings()
	{
		std::string body = R"([{"stream_id": "101", "name": "A", "category_id": "5"},
			{"stream_id": 102, "name": "B", "category_id": 6},
			{"stream_id": " 103 ", "name": "C", "category_id": "7"},
			{"stream_id": 104.0, "name": "D"}])";
		const auto channels = parseChannels(body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), channels.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(101), channels[0].streamId);
		CPPUNIT_ASSERT_EQUAL(std::string("5"), channels[0].categoryId);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(102), channels[1].streamId);
		CPPUNIT_ASSERT_EQUAL(std::string("6"), channels[1].categoryId);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(103), channels[2].streamId);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(104), channels[3].streamId);
	}

	void testNullFields()
	{
		std::string body = R"([{"stream_id": 7, "name": null, "stream_icon": null, "category_id": null, "epg_channel_id": null}])";
		const auto channels = parseChannels(body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), channels.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(7), channels[0].streamId);
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[0].icon);
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[0].categoryId);
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[0].epgChannelId);

		std::string account = R"({"user_info": {"auth": 1, "status": "Active", "exp_date": null, "max_connections": null,
			"active_cons": null, "is_trial": null, "message": null}})";
		const SourceAccount facts = _parser->account(account).account;
		CPPUNIT_ASSERT(!facts.hasExpiry);
		CPPUNIT_ASSERT_EQUAL(0, facts.maxConnections);
		CPPUNIT_ASSERT_EQUAL(0, facts.activeConnections);
		CPPUNIT_ASSERT(!facts.trial);
		CPPUNIT_ASSERT_EQUAL(std::string(""), facts.message);
	}

	void testChannelNumbers()
	{
		// num as panels send it: a number, a string, or nothing usable (then empty)
		const std::vector<std::pair<std::string, std::string>> forms = {{"1", "1"}, {"\"12\"", "12"}, {"\" 7 \"", "7"},
			{"\"007\"", "7"}, {"0", "0"}, {"101.0", "101"}, {"9223372036854775807", "9223372036854775807"}, {"null", ""},
			{"\"\"", ""}, {"\"abc\"", ""}, {"\"12a\"", ""}, {"1.5", ""}, {"-3", ""}, {"\"-3\"", ""}, {"true", ""},
			{"[1]", ""}, {"{}", ""}, {"1e300", ""}, {"18446744073709551615", ""}, {"\"99999999999999999999\"", ""}};
		for (const auto& form : forms)
		{
			std::string body = R"([{"stream_id": 5, "name": "A", "num": )" + form.first + "}]";
			const auto channels = parseChannels(body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(form.first, std::size_t(1), channels.size());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(form.first, form.second, channels[0].number);
		}
		std::string absent = R"([{"stream_id": 5, "name": "A"}])";
		CPPUNIT_ASSERT_EQUAL(std::string(""), parseChannels(absent)[0].number);
	}

	void testBooleansInAllForms()
	{
		const std::vector<std::pair<std::string, bool>> forms = {{"1", true}, {"\"1\"", true}, {"true", true}, {"\"true\"", true},
			{"0", false}, {"\"0\"", false}, {"false", false}, {"\"\"", false}, {"null", false}};
		for (const auto& form : forms)
		{
			std::string body = R"({"user_info": {"auth": "1", "status": "Active", "is_trial": )" + form.first + "}}";
			CPPUNIT_ASSERT_MESSAGE(form.first, _parser->account(body).account.trial == form.second);
		}
		for (const std::string refused : {"0", "\"0\"", "false"})
		{
			std::string body = R"({"user_info": {"auth": )" + refused + R"(, "status": "Active"}})";
			CPPUNIT_ASSERT_EQUAL_MESSAGE(refused, SourceException::BadCredentials, kindOf([&]() { _parser->account(body); }));
		}
	}

	void testUtf8NamesKept()
	{
		const std::string names[] = {"Télé Matin", "ZDF Küche", "Россия 1", "العربية", "日本テレビ", "⚽ beIN Sports 🎬"};
		std::string body = "[";
		for (std::size_t i = 0; i < 6; ++i) body += (i ? "," : "") + std::string("{\"stream_id\": ") + std::to_string(i + 1) +
			", \"name\": \"" + names[i] + "\"}";
		body += "]";
		const auto channels = parseChannels(body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(6), channels.size());
		for (std::size_t i = 0; i < 6; ++i) CPPUNIT_ASSERT_EQUAL(names[i], channels[i].name);
	}

	void testEscapedUnicodeDecoded()
	{
		std::string body = R"([{"stream_id": 1, "name": "T\u00e9l\u00e9 \ud83c\udfac \"Live\"", "stream_icon": "http:\/\/logo.example\/a.png"}])";
		const auto channels = parseChannels(body);
		CPPUNIT_ASSERT_EQUAL(std::string("Télé 🎬 \"Live\""), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("http://logo.example/a.png"), channels[0].icon);
	}

	void testEmptyListForms()
	{
		for (const std::string empty : {"[]", "{}", "null", " [ ] ", "\n{ }\n", "null\n"})
		{
			std::string body = empty;
			CPPUNIT_ASSERT_MESSAGE(empty, parseChannels(body).empty());
			body = empty;
			PanelParser::ListReport report;
			CPPUNIT_ASSERT_MESSAGE(empty, _parser->categories(body, report).empty());
		}
	}

	void testByteOrderMark()
	{
		std::string body = "\xEF\xBB\xBF[{\"stream_id\": 1, \"name\": \"A\"}]";
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), parseChannels(body).size());
		std::string account = "\xEF\xBB\xBF" + std::string(R"({"user_info": {"auth": 1, "status": "Active"}})");
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), _parser->account(account).account.status);
	}

	void testInvalidIdsSkipped()
	{
		std::string body = R"([{"name": "no id"}, {"stream_id": 0}, {"stream_id": -5}, {"stream_id": "abc"}, {"stream_id": ""},
			{"stream_id": null}, {"stream_id": 1.5}, {"stream_id": "1,000"}, {"stream_id": true}, {"stream_id": [3]},
			{"stream_id": 42, "name": "kept"}, 17, "text", null])";
		PanelParser::ListReport report;
		const auto channels = _parser->channels(body, report);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), channels.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(42), channels[0].streamId);
		CPPUNIT_ASSERT_EQUAL(std::size_t(13), report.skipped);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.duplicates);
	}

	void testDuplicateIdsKeepFirst()
	{
		std::string body = R"([{"stream_id": 5, "name": "first"}, {"stream_id": "5", "name": "second"}, {"stream_id": 6, "name": "six"},
			{"stream_id": 5, "name": "third"}])";
		PanelParser::ListReport report;
		const auto channels = _parser->channels(body, report);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), channels.size());
		CPPUNIT_ASSERT_EQUAL(std::string("first"), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("six"), channels[1].name);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.duplicates);
	}

	void testNestedValuesIgnored()
	{
		std::string body = R"([{"stream_id": 1, "category_ids": [1, 2, {"name": "inner"}], "extra": {"stream_id": 99, "name": "inner"},
			"name": "outer", "num": 3, "tv_archive": 0, "rating": 4.5, "added": "1700000000"}, [{"stream_id": 2}]])";
		PanelParser::ListReport report;
		const auto channels = _parser->channels(body, report);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), channels.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), channels[0].streamId);
		CPPUNIT_ASSERT_EQUAL(std::string("outer"), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.skipped);
	}

	void testLatin1AndControlCharactersMended()
	{
		std::string body = "[{\"stream_id\": 1, \"name\": \"T\xE9l\xE9\"}, {\"stream_id\": 2, \"name\": \"a\tb\"},"
						   " {\"stream_id\": 3, \"name\": \"Caf\xC3\xA9\"}]\n";
		const auto channels = parseChannels(body);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), channels.size());
		CPPUNIT_ASSERT_EQUAL(std::string("Télé"), channels[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("a b"), channels[1].name);
		CPPUNIT_ASSERT_EQUAL(std::string("Café"), channels[2].name);

		std::string valid = "{\"a\": \"Caf\xC3\xA9 \xF0\x9F\x8E\xAC\"}\n\t";
		const std::string before = valid;
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), JsonRepair::repair(valid));
		CPPUNIT_ASSERT_EQUAL(before, valid);
		std::string surrogate = "\"\xED\xA0\x80\x85\"";
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), JsonRepair::repair(surrogate));
	}

	void testCategories()
	{
		std::string body = R"([{"category_id": "1", "category_name": "News", "parent_id": 0}, {"category_id": 2, "category_name": "Sport ⚽"},
			{"category_id": "1", "category_name": "again"}, {"category_name": "no id"}, {"category_id": null, "category_name": "null id"},
			{"category_id": "3", "category_name": null}])";
		PanelParser::ListReport report;
		const std::vector<SourceCategory> categories = _parser->categories(body, report);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), categories.size());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), categories[0].id);
		CPPUNIT_ASSERT_EQUAL(std::string("News"), categories[0].name);
		CPPUNIT_ASSERT_EQUAL(std::string("2"), categories[1].id);
		CPPUNIT_ASSERT_EQUAL(std::string("Sport ⚽"), categories[1].name);
		CPPUNIT_ASSERT_EQUAL(std::string("3"), categories[2].id);
		CPPUNIT_ASSERT_EQUAL(std::string(""), categories[2].name);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.skipped);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), report.duplicates);
	}

	void testAccountFacts()
	{
		std::string body = R"({"user_info": {"username": "alice_user", "password": "s3cret-pass", "message": "Welcome!", "auth": 1,
			"status": "Active", "exp_date": "1767225600", "is_trial": "1", "active_cons": "1", "created_at": "1700000000",
			"max_connections": "2", "allowed_output_formats": ["m3u8", "TS", "rtmp"]},
			"server_info": {"url": "host", "port": "80", "timestamp_now": 1732440000, "process": true}})";
		const PanelParser::AccountInfo info = _parser->account(body);
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), info.account.status);
		CPPUNIT_ASSERT(info.account.hasExpiry);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1767225600), info.account.expiresAt);
		CPPUNIT_ASSERT_EQUAL(2, info.account.maxConnections);
		CPPUNIT_ASSERT_EQUAL(1, info.account.activeConnections);
		CPPUNIT_ASSERT(info.account.trial);
		CPPUNIT_ASSERT_EQUAL(std::string("Welcome!"), info.account.message);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), info.allowedOutputFormats.size());
		CPPUNIT_ASSERT_EQUAL(std::string("ts"), info.allowedOutputFormats[1]);
	}

	void testAccountNumbersAndNoExpiry()
	{
		std::string numbers = R"({"user_info": {"auth": true, "status": "Active", "exp_date": 1767225600, "max_connections": 3,
			"active_cons": 0, "is_trial": 0}})";
		const SourceAccount account = _parser->account(numbers).account;
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1767225600), account.expiresAt);
		CPPUNIT_ASSERT_EQUAL(3, account.maxConnections);
		for (const std::string none : {"null", "\"\"", "\"null\"", "0", "\"0\""})
		{
			std::string body = R"({"user_info": {"auth": 1, "status": "Active", "exp_date": )" + none + "}}";
			CPPUNIT_ASSERT_MESSAGE(none, !_parser->account(body).account.hasExpiry);
		}
	}

	// --- classification of answers

	void testHtmlPageIsNotAPanel()
	{
		std::string body = "\n<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head></html>";
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { _parser->account(body); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the server at panel.example.org does not answer like an Xtream Codes panel (it sent an HTML page)"),
			message);
		body = "<html>blocked</html>";
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { parseChannels(body); }));
	}

	void testPlainTextIsNotAPanel()
	{
		for (const std::string text : {"blocked", "Forbidden\n", "Access denied for this IP"})
		{
			std::string body = text;
			std::string message;
			CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { _parser->account(body); }, &message));
			CPPUNIT_ASSERT_MESSAGE(message, message.find("it sent the text \"" + Poco::trim(text) + "\"") != std::string::npos);
		}
	}

	void testEmptyAnswerIsNotAPanel()
	{
		std::string body = " \r\n";
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { _parser->account(body); }, &message));
		CPPUNIT_ASSERT(message.find("empty answer") != std::string::npos);
		body = "";
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { parseChannels(body); }));
	}

	void testEmptyObjectIsNotAPanel()
	{
		for (const std::string answer : {"{}", "[]", "null", R"({"server_info": {"url": "x"}})", R"({"user_info": []})"})
		{
			std::string body = answer;
			std::string message;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(answer, SourceException::NotAPanel, kindOf([&]() { _parser->account(body); }, &message));
			CPPUNIT_ASSERT(message.find("no user_info") != std::string::npos);
		}
	}

	void testOtherJsonIsNotAPanel()
	{
		std::string body = R"({"error": "unknown action"})";
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { parseChannels(body); }));
		body = R"({"user_info": {"auth": 1, "status": "Active"}})";
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { parseChannels(body); }));
	}

	void testMalformedJsonIsNotAPanel()
	{
		for (const std::string broken : {"[{\"stream_id\": 1,", "{\"user_info\": {\"auth\": 1", "[1,]", "[{\"a\": 1}] trailing"})
		{
			std::string body = broken;
			std::string message;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(broken, SourceException::NotAPanel, kindOf([&]() {
				if (broken[0] == '{') _parser->account(body);
				else parseChannels(body);
			}, &message));
			CPPUNIT_ASSERT_MESSAGE(message, message.find("JSON does not parse") != std::string::npos);
		}
	}

	void testAuthZeroIsBadCredentials()
	{
		std::string body = R"({"user_info": {"auth": 0}})";
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { _parser->account(body); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider at panel.example.org refused the login (check username and password)"), message);
	}

	void testListAnsweredWithLoginFailure()
	{
		std::string body = R"({"user_info": {"auth": 0}})";
		CPPUNIT_ASSERT_EQUAL(SourceException::BadCredentials, kindOf([&]() { parseChannels(body); }));
		body = R"({"user_info": {"auth": 0, "status": "Expired", "exp_date": "1600000000"}})";
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { parseChannels(body); }));
		body = R"({"user_info": {"auth": 0, "status": "Banned"}})";
		PanelParser::ListReport report;
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountDisabled, kindOf([&]() { _parser->categories(body, report); }));
	}

	void testExpiredAccount()
	{
		std::string body = R"({"user_info": {"auth": 0, "status": "Expired", "exp_date": "1600000000", "max_connections": "1"}})";
		const SourceAccount account = _parser->account(body).account;
		CPPUNIT_ASSERT_EQUAL(std::string("Expired"), account.status);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1600000000), account.expiresAt);
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { _parser->requireUsable(account, Poco::Timestamp()); }, &message));
		CPPUNIT_ASSERT_EQUAL(std::string("the provider account at panel.example.org expired on 2020-09-13 (renew it with the provider)"), message);
	}

	void testExpiryDateInThePast()
	{
		std::string body = R"({"user_info": {"auth": 1, "status": "Active", "exp_date": "1700000000"}})";
		const SourceAccount account = _parser->account(body).account;
		CPPUNIT_ASSERT_EQUAL(SourceException::AccountExpired, kindOf([&]() { _parser->requireUsable(account, Poco::Timestamp()); }));
		const Poco::Timestamp before = Poco::Timestamp::fromEpochTime(1699999999);
		_parser->requireUsable(account, before);
	}

	void testBannedAndDisabledAccounts()
	{
		for (const std::string status : {"Banned", "Disabled", "disabled"})
		{
			std::string body = R"({"user_info": {"auth": 1, "status": ")" + status + R"(", "exp_date": null}})";
			const SourceAccount account = _parser->account(body).account;
			CPPUNIT_ASSERT_EQUAL(status, account.status);
			std::string message;
			CPPUNIT_ASSERT_EQUAL(SourceException::AccountDisabled, kindOf([&]() { _parser->requireUsable(account, Poco::Timestamp()); }, &message));
			CPPUNIT_ASSERT(message.find(Poco::toLower(status)) != std::string::npos);
		}
	}

	void testMessagesCarryNoCredentials()
	{
		std::string body = "Invalid login " + USER + " / " + PASSWORD;
		std::string message;
		CPPUNIT_ASSERT_EQUAL(SourceException::NotAPanel, kindOf([&]() { _parser->account(body); }, &message));
		CPPUNIT_ASSERT(message.find(USER) == std::string::npos);
		CPPUNIT_ASSERT(message.find(PASSWORD) == std::string::npos);
		CPPUNIT_ASSERT(message.find("***") != std::string::npos);
	}

	// --- size

	void testFiftyThousandChannels()
	{
		checkLargeCatalog(false, false);
	}

	void testFiftyThousandChannelsPhpStyle()
	{
		checkLargeCatalog(true, true);
	}

	void testXmltvStart()
	{
		// "" when the answer opens an XMLTV guide, else what the message says it is
		const std::vector<std::pair<std::string, std::string>> starts = {
			{"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv generator-info-name=\"x\">", ""},
			{"<tv>", ""}, {"<tv/>", ""}, {"\xEF\xBB\xBF  \r\n<?xml version=\"1.0\"?><tv\n date=\"20261204\">", ""},
			{"<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><!-- generated --><!DOCTYPE tv><tv>", ""},
			{"", "an empty answer"}, {" \r\n\t", "an empty answer"}, {"\xEF\xBB\xBF", "an empty answer"},
			{"{\"user_info\":{\"auth\":0}}", "JSON"}, {"[]", "JSON"},
			{"<!DOCTYPE html><html><body>Forbidden</body></html>", "an HTML page"},
			{"<!doctype HTML>", "an HTML page"}, {"<html lang=\"en\">", "an HTML page"}, {"<HTML>", "an HTML page"},
			{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "an HTML page"},
			{"<body>blocked</body>", "an HTML page"},
			{"<?xml version=\"1.0\"?><rss version=\"2.0\">", "an XML document whose root is <rss>"},
			{"<tvguide>", "an XML document whose root is <tvguide>"},
			{"blocked", "the text \"blocked\""}, {"Access denied\r\nmore", "the text \"Access denied\""},
			{"\x1F\x8B\x08", "the text \"???\""},
			{"<?xml version=\"1.0\"", "no <tv> element in its first 4 KiB"}, {"<!-- " + std::string(5000, '-'), "no <tv> element in its first 4 KiB"},
			{"<tv", "no <tv> element in its first 4 KiB"}};
		for (const auto& start : starts)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(start.first.substr(0, 60), start.second, XmltvStart::problem(start.first));
	}

	void testReadBufferPeeks()
	{
		// a source that delivers one byte per read: peeking gathers reads, reading gives every byte once, in order
		const std::string text = "<?xml version=\"1.0\"?><tv></tv>";
		std::size_t at = 0;
		int reads = 0;
		ReadBuffer buffer(
			[&](char* out, std::streamsize) -> std::streamsize {
				++reads;
				if (at == text.size()) return 0;
				*out = text[at++];
				return 1;
			},
			16);
		CPPUNIT_ASSERT_EQUAL(std::string("<?xml"), buffer.peek(5));
		CPPUNIT_ASSERT_EQUAL(5, reads);
		CPPUNIT_ASSERT_EQUAL(std::string("<?xml"), buffer.peek(5)); // nothing consumed, nothing read again
		CPPUNIT_ASSERT_EQUAL(text.substr(0, 16), buffer.peek(16));
		std::istream in(&buffer);
		std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
		CPPUNIT_ASSERT_EQUAL(text, all);
		CPPUNIT_ASSERT_EQUAL(std::string(), buffer.peek(4));

		// larger reads than the capacity never overflow it
		std::string big(100000, 'x');
		std::size_t offset = 0;
		ReadBuffer chunks(
			[&](char* out, std::streamsize size) -> std::streamsize {
				const std::size_t count = std::min(static_cast<std::size_t>(size), big.size() - offset);
				std::copy(big.data() + offset, big.data() + offset + count, out);
				offset += count;
				return static_cast<std::streamsize>(count);
			},
			1024);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1024), chunks.peek(1024).size());
		std::istream bigIn(&chunks);
		std::string copy((std::istreambuf_iterator<char>(bigIn)), std::istreambuf_iterator<char>());
		CPPUNIT_ASSERT(copy == big);
	}

	void testReadBufferErrorsReachTheReader()
	{
		int reads = 0;
		ReadBuffer buffer([&](char* out, std::streamsize) -> std::streamsize {
			if (++reads > 3) throw SourceException(SourceException::Timeout, "the provider at panel did not answer within 1 s");
			*out = 'a';
			return 1;
		});
		std::istream in(&buffer);
		in.exceptions(std::ios::badbit);
		char text[8];
		CPPUNIT_ASSERT_EQUAL(SourceException::Timeout, kindOf([&]() { in.read(text, sizeof(text)); }));
		CPPUNIT_ASSERT(in.bad());
	}

private:
	std::vector<SourceChannel> parseChannels(std::string& body)
	{
		PanelParser::ListReport report;
		return _parser->channels(body, report);
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

	void checkLargeCatalog(bool phpEscapes, bool idsAsStrings)
	{
		CatalogGenerator::Options options;
		options.channels = 50000;
		options.phpEscapes = phpEscapes;
		options.idsAsStrings = idsAsStrings;
		std::string body = CatalogGenerator::liveStreams(options);
		CPPUNIT_ASSERT(body.size() > 15 * 1000 * 1000);
		PanelParser::ListReport report;
		const auto channels = _parser->channels(body, report);
		CPPUNIT_ASSERT_EQUAL(std::size_t(50000), channels.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.skipped);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), report.duplicates);
		for (std::size_t i : {std::size_t(0), std::size_t(13), std::size_t(42), std::size_t(163), std::size_t(24999), std::size_t(49999)})
		{
			CPPUNIT_ASSERT_EQUAL(CatalogGenerator::name(i), channels[i].name);
			CPPUNIT_ASSERT_EQUAL(CatalogGenerator::streamId(i), channels[i].streamId);
			CPPUNIT_ASSERT_EQUAL(std::to_string(i + 1), channels[i].number);
		}
		bool accents = false;
		bool emoji = false;
		for (const auto& channel : channels)
		{
			accents = accents || channel.name.find("Télé Matin") != std::string::npos;
			emoji = emoji || channel.name.find("⚽ beIN") != std::string::npos;
		}
		CPPUNIT_ASSERT(accents && emoji);
		CPPUNIT_ASSERT_EQUAL(std::string("http://logos.example-cdn.net/picons/ch42/logo_100126.png"), channels[42].icon);
		CPPUNIT_ASSERT_EQUAL(std::string("3"), channels[42].categoryId);
		CPPUNIT_ASSERT_EQUAL(std::string(""), channels[3].epgChannelId);
		CPPUNIT_ASSERT_EQUAL(std::string("ch4.example.tv"), channels[4].epgChannelId);
	}

	std::unique_ptr<PluginTestContext> _context;
	std::unique_ptr<PanelParser> _parser;
};

CPPUNIT_TEST_SUITE_REGISTRATION(XtreamParsingTest);
