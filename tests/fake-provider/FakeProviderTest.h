//
// FakeProviderTest.h
//
// The fake provider's self-test.
//


#ifndef FakeProvider_FakeProviderTest_INCLUDED
#define FakeProvider_FakeProviderTest_INCLUDED


#include "fakeprovider/FakeProvider.h"
#include "Poco/JSON/Object.h"
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <string>
#include <vector>


class FakeProviderTest: public CppUnit::TestFixture
	/// Proves the fixture against real clients: Poco HTTP, raw sockets, the ffprobe CLI and the
	/// fake-xtream executable. Each test runs its own provider on an ephemeral port.
{
	CPPUNIT_TEST_SUITE(FakeProviderTest);
	CPPUNIT_TEST(testAccountInfo);
	CPPUNIT_TEST(testWrongCredentials);
	CPPUNIT_TEST(testCategories);
	CPPUNIT_TEST(testLiveStreams);
	CPPUNIT_TEST(testSyntheticCatalog);
	CPPUNIT_TEST(testStreamIsMpegTs);
	CPPUNIT_TEST(testMp2Channel);
	CPPUNIT_TEST(testHdChannel);
	CPPUNIT_TEST(testMultiAudioChannel);
	CPPUNIT_TEST(testStreamUrlsAndErrors);
	CPPUNIT_TEST(testConnectionLimit);
	CPPUNIT_TEST(testSlotReleaseDelay);
	CPPUNIT_TEST(testStats);
	CPPUNIT_TEST(testOneEncoderPerChannel);
	CPPUNIT_TEST(testDropAfter);
	CPPUNIT_TEST(testStall);
	CPPUNIT_TEST(testStatusFault);
	CPPUNIT_TEST(testGarbage);
	CPPUNIT_TEST(testRedirects);
	CPPUNIT_TEST(testRedirectLoop);
	CPPUNIT_TEST(testApiModes);
	CPPUNIT_TEST(testUserAgentRequired);
	CPPUNIT_TEST(testControlApi);
	CPPUNIT_TEST(testSlowClientDropped);
	CPPUNIT_TEST(testClientChurn);
	CPPUNIT_TEST(testStopIsPrompt);
	CPPUNIT_TEST(testRestartKeepsPort);
	CPPUNIT_TEST(testExecutable);
	CPPUNIT_TEST(testCatalogMetadata);
	CPPUNIT_TEST(testMillionChannelCatalog);
	CPPUNIT_TEST(testGuide);
	CPPUNIT_TEST(testLargeGuide);
	CPPUNIT_TEST(testFrameClock);
	CPPUNIT_TEST(testGopAndClockInStream);
	CPPUNIT_TEST(testHls);
	CPPUNIT_TEST(testHlsViewerSlot);
	CPPUNIT_TEST(testHlsLoop);
	CPPUNIT_TEST(testBitRate);
	CPPUNIT_TEST(testOversizedPes);
	CPPUNIT_TEST(testCatalogDrip);
	CPPUNIT_TEST(testControlApiNewSwitches);
	CPPUNIT_TEST(testLogos);
	CPPUNIT_TEST(testFileChannel);
	CPPUNIT_TEST_SUITE_END();

public:
	void tearDown() override;

	void testAccountInfo();
	void testWrongCredentials();
	void testCategories();
	void testLiveStreams();
	void testSyntheticCatalog();
	void testStreamIsMpegTs();
	void testMp2Channel();
	void testHdChannel();
	void testMultiAudioChannel();
	void testStreamUrlsAndErrors();
	void testConnectionLimit();
	void testSlotReleaseDelay();
	void testStats();
	void testOneEncoderPerChannel();
	void testDropAfter();
	void testStall();
	void testStatusFault();
	void testGarbage();
	void testRedirects();
	void testRedirectLoop();
	void testApiModes();
	void testUserAgentRequired();
	void testControlApi();
	void testSlowClientDropped();
	void testClientChurn();
	void testStopIsPrompt();
	void testRestartKeepsPort();
	void testExecutable();
	void testCatalogMetadata();
	void testMillionChannelCatalog();
	void testGuide();
	void testLargeGuide();
	void testFrameClock();
	void testGopAndClockInStream();
	void testHls();
	void testHlsViewerSlot();
	void testHlsLoop();
	void testBitRate();
	void testOversizedPes();
	void testCatalogDrip();
	void testControlApiNewSwitches();
	void testLogos();
	void testFileChannel();

private:
	struct Reply
	{
		int status = 0;
		std::string contentType;
		std::string body;
		std::string location;
	};

	fakeprovider::FakeProvider& startProvider(const fakeprovider::ProviderOptions& options = fakeprovider::ProviderOptions());
		/// Starts the provider of this test (stopped by tearDown()).

	Reply request(const std::string& method, const std::string& target, const std::string& userAgent = "");
	Poco::JSON::Object::Ptr accountInfo();
	std::string apiPath(const std::string& action = "") const;
	std::string livePath(int channelId) const;
	Poco::JSON::Object::Ptr probe(int channelId);
		/// ffprobe -show_streams on the channel's URL.
	Poco::JSON::Object::Ptr probe(const std::string& url);
	std::string hlsPath(int channelId) const;
	std::vector<std::string> allowedOutputFormats();

	std::unique_ptr<fakeprovider::FakeProvider> _pProvider;
};


#endif // FakeProvider_FakeProviderTest_INCLUDED
