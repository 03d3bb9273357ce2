//
// RedactorTest.cpp
//
// Provider credentials never reach a log line: each form the Redactor masks,
// and FFmpeg's own lines through the logging chain.
//

#include "logging/FfmpegLog.h"
#include "LogCapture.h"
#include "logging/RedactingChannel.h"
#include "logging/Redactor.h"
#include <Poco/AutoPtr.h>
#include <Poco/Logger.h>
#include <cppunit/extensions/HelperMacros.h>

extern "C" {
#include <libavutil/log.h>
}

class RedactorTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RedactorTest);
	CPPUNIT_TEST(testLivePath);
	CPPUNIT_TEST(testShortPath);
	CPPUNIT_TEST(testQueryParameters);
	CPPUNIT_TEST(testUserInfo);
	CPPUNIT_TEST(testConfiguredValues);
	CPPUNIT_TEST(testOrdinaryTextUntouched);
	CPPUNIT_TEST(testFfmpegLinesAreRedacted);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLivePath()
	{
		restream::host::Redactor redactor;
		const std::string line = redactor.redact("opening http://provider.example:8080/live/jean/s3cr3t/101.ts now");
		CPPUNIT_ASSERT_EQUAL(std::string("opening http://provider.example:8080/live/***/***/101.ts now"), line);
		CPPUNIT_ASSERT_EQUAL(std::string("GET /movie/***/***/5.mkv"), redactor.redact("GET /movie/jean/s3cr3t/5.mkv"));
	}

	void testShortPath()
	{
		restream::host::Redactor redactor;
		CPPUNIT_ASSERT_EQUAL(std::string("url http://p.example/***/***/101"), redactor.redact("url http://p.example/jean/s3cr3t/101"));
		CPPUNIT_ASSERT_EQUAL(std::string("request \"/***/***/101.ts\" refused"), redactor.redact("request \"/jean/s3cr3t/101.ts\" refused"));
		// ordinary paths keep their segments
		CPPUNIT_ASSERT_EQUAL(std::string("GET /live/101.m3u8"), redactor.redact("GET /live/101.m3u8"));
		CPPUNIT_ASSERT_EQUAL(std::string("GET /hls/abc-12.ts"), redactor.redact("GET /hls/abc-12.ts"));
	}

	void testQueryParameters()
	{
		restream::host::Redactor redactor;
		CPPUNIT_ASSERT_EQUAL(std::string("http://p.example/player_api.php?username=***&password=***&action=get_live_streams"),
			redactor.redact("http://p.example/player_api.php?username=jean&password=s3cr3t&action=get_live_streams"));
		CPPUNIT_ASSERT_EQUAL(std::string("{\"username\": \"***\", \"password\": \"***\"}"),
			redactor.redact("{\"username\": \"jean\", \"password\": \"s3cr3t\"}"));
	}

	void testUserInfo()
	{
		restream::host::Redactor redactor;
		CPPUNIT_ASSERT_EQUAL(std::string("https://***:***@p.example/x"), redactor.redact("https://jean:s3cr3t@p.example/x"));
	}

	void testConfiguredValues()
	{
		restream::host::Redactor redactor;
		redactor.addSecret("s3cr3t p@ss");
		redactor.addSecret("jean.dupont");
		redactor.addSecret("ab"); // too short to mask safely: ignored
		CPPUNIT_ASSERT_EQUAL(std::string("login *** with ***"), redactor.redact("login jean.dupont with s3cr3t p@ss"));
		CPPUNIT_ASSERT_EQUAL(std::string("encoded ***"), redactor.redact("encoded s3cr3t%20p%40ss"));
		CPPUNIT_ASSERT_EQUAL(std::string("ab stays"), redactor.redact("ab stays"));
	}

	void testOrdinaryTextUntouched()
	{
		restream::host::Redactor redactor;
		const std::string line = "port api listening on 0.0.0.0:8002, served by host (threads 4-1024)";
		CPPUNIT_ASSERT_EQUAL(line, redactor.redact(line));
	}

	void testFfmpegLinesAreRedacted()
	{
		restream::host::Redactor redactor;
		redactor.addSecret("hunter22");
		Poco::AutoPtr<restream::test::LogCapture> capture(new restream::test::LogCapture);
		Poco::AutoPtr<Poco::Channel> channel(new restream::host::RedactingChannel(redactor, capture.cast<Poco::Channel>()));
		Poco::Logger& logger = Poco::Logger::get("ffmpeg-test");
		logger.setChannel(channel);
		logger.setLevel(Poco::Message::PRIO_DEBUG);
		restream::host::FfmpegLog::install(logger);
		av_log(nullptr, AV_LOG_ERROR, "http://p.example/live/jean/%s/101.ts: Server returned 403 Forbidden\n", "hunter22");
		av_log(nullptr, AV_LOG_WARNING, "partial ");
		av_log(nullptr, AV_LOG_WARNING, "line password=hunter22\n");
		restream::host::FfmpegLog::uninstall();
		logger.setChannel(nullptr);
		const std::string text = capture->text();
		CPPUNIT_ASSERT(text.find("hunter22") == std::string::npos);
		CPPUNIT_ASSERT(text.find("jean") == std::string::npos);
		CPPUNIT_ASSERT(text.find("/live/***/***/101.ts: Server returned 403 Forbidden") != std::string::npos);
		CPPUNIT_ASSERT(text.find("partial line password=***") != std::string::npos);
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(RedactorTest);
