//
// FakeProviderTest.cpp
//
// The fake provider's self-test.
//


#include "FakeProviderTest.h"
#include "TestStream.h"
#include "Poco/Dynamic/Var.h"
#include "Poco/Exception.h"
#include "Poco/Format.h"
#include "Poco/JSON/Array.h"
#include "Poco/JSON/Parser.h"
#include "Poco/Net/HTTPClientSession.h"
#include "Poco/Net/HTTPRequest.h"
#include "Poco/Net/HTTPResponse.h"
#include "Poco/Net/NetException.h"
#include "Poco/Net/StreamSocket.h"
#include "Poco/Pipe.h"
#include "Poco/PipeStream.h"
#include "Poco/Process.h"
#include "Poco/StreamCopier.h"
#include "Poco/Thread.h"
#include "Poco/Timestamp.h"
#include "Poco/URI.h"
#include <dirent.h>
#include <algorithm>
#include <set>


using fakeprovider::ApiMode;
using fakeprovider::FakeProvider;
using fakeprovider::ProviderOptions;
using Poco::JSON::Array;
using Poco::JSON::Object;


#ifndef FFPROBE_EXECUTABLE
#define FFPROBE_EXECUTABLE "/usr/bin/ffprobe"
#endif


namespace {


Poco::Timespan seconds(int count)
{
	return Poco::Timespan(count, 0);
}


bool isMpegTs(const std::string& data)
	/// At least 10 packets, a sync byte every 188 bytes from the first byte.
{
	if (data.size() < 188 * 10) return false;
	for (std::size_t i = 0; i + 188 <= data.size(); i += 188)
	{
		if (static_cast<unsigned char>(data[i]) != 0x47) return false;
	}
	return true;
}


int countThreads()
{
	int count = 0;
	DIR* pDir = opendir("/proc/self/task");
	if (!pDir) return -1;
	while (dirent* pEntry = readdir(pDir))
	{
		if (pEntry->d_name[0] != '.') ++count;
	}
	closedir(pDir);
	return count;
}


template <typename Predicate>
bool waitFor(Predicate predicate, Poco::Timespan timeout)
{
	const Poco::Timestamp started;
	while (!predicate())
	{
		if (started.isElapsed(timeout.totalMicroseconds())) return false;
		Poco::Thread::sleep(20);
	}
	return true;
}


Object::Ptr parseObject(const std::string& json)
{
	Poco::JSON::Parser parser;
	return parser.parse(json).extract<Object::Ptr>();
}


Array::Ptr parseArray(const std::string& json)
{
	Poco::JSON::Parser parser;
	return parser.parse(json).extract<Array::Ptr>();
}


Object::Ptr streamOfType(Array::Ptr pStreams, const std::string& codecType, int nth = 0)
{
	for (std::size_t i = 0; i < pStreams->size(); ++i)
	{
		Object::Ptr pStream = pStreams->getObject(static_cast<unsigned>(i));
		if (pStream->getValue<std::string>("codec_type") == codecType && nth-- == 0) return pStream;
	}
	return nullptr;
}


ProviderOptions testOptions()
{
	ProviderOptions options;
	options.encoderLinger = Poco::Timespan(0, 500000);
	return options;
}


} // namespace


void FakeProviderTest::tearDown()
{
	_pProvider.reset();
}


FakeProvider& FakeProviderTest::startProvider(const ProviderOptions& options)
{
	_pProvider = std::make_unique<FakeProvider>(options);
	_pProvider->start();
	return *_pProvider;
}


FakeProviderTest::Reply FakeProviderTest::request(const std::string& method, const std::string& target, const std::string& userAgent)
{
	Poco::Net::HTTPClientSession session("127.0.0.1", _pProvider->port());
	session.setTimeout(Poco::Timespan(10, 0));
	Poco::Net::HTTPRequest httpRequest(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!userAgent.empty()) httpRequest.set("User-Agent", userAgent);
	if (method == Poco::Net::HTTPRequest::HTTP_POST) httpRequest.setContentLength(0);
	session.sendRequest(httpRequest);
	Poco::Net::HTTPResponse response;
	std::istream& body = session.receiveResponse(response);
	Reply reply;
	reply.status = response.getStatus();
	reply.contentType = response.getContentType();
	reply.location = response.get("Location", "");
	Poco::StreamCopier::copyToString(body, reply.body);
	return reply;
}


Object::Ptr FakeProviderTest::accountInfo()
{
	const Reply reply = request("GET", apiPath());
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	return parseObject(reply.body);
}


std::string FakeProviderTest::apiPath(const std::string& action) const
{
	std::string path = "/player_api.php?username=" + _pProvider->options().username + "&password=" + _pProvider->options().password;
	if (!action.empty()) path += "&action=" + action;
	return path;
}


std::string FakeProviderTest::livePath(int channelId) const
{
	return Poco::URI(_pProvider->streamUrl(channelId)).getPathAndQuery();
}


Object::Ptr FakeProviderTest::probe(int channelId)
{
	const std::vector<std::string> args = {"-v", "fatal", "-rw_timeout", "5000000", "-analyzeduration", "3000000",
		"-show_entries", "stream=index,codec_type,codec_name,width,height,pix_fmt,sample_rate,channels:stream_tags=language",
		"-of", "json", _pProvider->streamUrl(channelId)};
	Poco::Pipe outPipe;
	Poco::ProcessHandle handle = Poco::Process::launch(FFPROBE_EXECUTABLE, args, nullptr, &outPipe, nullptr);
	Poco::PipeInputStream output(outPipe);
	std::string json;
	Poco::StreamCopier::copyToString(output, json);
	const int rc = handle.wait();
	CPPUNIT_ASSERT_EQUAL_MESSAGE("ffprobe exit code", 0, rc);
	return parseObject(json);
}


void FakeProviderTest::testAccountInfo()
{
	FakeProvider& provider = startProvider(testOptions());
	for (const std::string& target: {apiPath(), apiPath("get_account_info")})
	{
		const Reply reply = request("GET", target);
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json"), reply.contentType);
		CPPUNIT_ASSERT(reply.body.find("Europe\\/Paris") != std::string::npos); // PHP escaping
		CPPUNIT_ASSERT(reply.body.find("Acc\\u00e8s") != std::string::npos);

		Object::Ptr pRoot = parseObject(reply.body);
		Object::Ptr pUser = pRoot->getObject("user_info");
		Object::Ptr pServer = pRoot->getObject("server_info");
		CPPUNIT_ASSERT(pUser && pServer);
		CPPUNIT_ASSERT_EQUAL(std::string("demo-user"), pUser->getValue<std::string>("username"));
		CPPUNIT_ASSERT_EQUAL(std::string("s3cret-Pa55"), pUser->getValue<std::string>("password"));
		CPPUNIT_ASSERT_EQUAL(1, pUser->getValue<int>("auth"));
		CPPUNIT_ASSERT_EQUAL(std::string("Active"), pUser->getValue<std::string>("status"));
		CPPUNIT_ASSERT(pUser->get("exp_date").isString());
		CPPUNIT_ASSERT(std::stoll(pUser->getValue<std::string>("exp_date")) > Poco::Timestamp().epochTime());
		CPPUNIT_ASSERT(pUser->get("is_trial").isString());
		CPPUNIT_ASSERT_EQUAL(std::string("0"), pUser->getValue<std::string>("active_cons"));
		CPPUNIT_ASSERT(pUser->get("max_connections").isString());
		CPPUNIT_ASSERT_EQUAL(std::string("1"), pUser->getValue<std::string>("max_connections"));
		CPPUNIT_ASSERT_EQUAL(std::string("ts"), pUser->getArray("allowed_output_formats")->getElement<std::string>(0));
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), pServer->getValue<std::string>("url"));
		CPPUNIT_ASSERT(pServer->get("port").isString());
		CPPUNIT_ASSERT_EQUAL(std::to_string(provider.port()), pServer->getValue<std::string>("port"));
		CPPUNIT_ASSERT_EQUAL(std::string("http"), pServer->getValue<std::string>("server_protocol"));
		CPPUNIT_ASSERT(pServer->has("https_port"));
		CPPUNIT_ASSERT_EQUAL(std::string("Europe/Paris"), pServer->getValue<std::string>("timezone"));
		CPPUNIT_ASSERT(pServer->get("timestamp_now").isInteger());
		CPPUNIT_ASSERT(std::abs(pServer->getValue<Poco::Int64>("timestamp_now") - Poco::Timestamp().epochTime()) < 5);
		CPPUNIT_ASSERT_EQUAL(std::size_t(19), pServer->getValue<std::string>("time_now").size());
	}
}


void FakeProviderTest::testWrongCredentials()
{
	ProviderOptions options = testOptions();
	options.username = "alice";
	options.password = "wonder land";
	FakeProvider& provider = startProvider(options);
	Reply reply = request("GET", "/player_api.php?username=alice&password=nope");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	CPPUNIT_ASSERT_EQUAL(std::string("{\"user_info\":{\"auth\":0}}"), reply.body);
	reply = request("GET", "/player_api.php?username=alice&password=nope&action=get_live_streams");
	CPPUNIT_ASSERT_EQUAL(std::string("{\"user_info\":{\"auth\":0}}"), reply.body);
	reply = request("GET", "/player_api.php?username=alice&password=wonder%20land");
	CPPUNIT_ASSERT_EQUAL(1, parseObject(reply.body)->getObject("user_info")->getValue<int>("auth"));
	CPPUNIT_ASSERT_EQUAL(401, request("GET", "/live/alice/nope/101.ts").status);
	CPPUNIT_ASSERT_EQUAL(401, request("GET", "/alice/nope/101").status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().streamErrors);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), provider.stats().playerApiRequests);
}


void FakeProviderTest::testCategories()
{
	startProvider(testOptions());
	const Reply reply = request("GET", apiPath("get_live_categories"));
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	Array::Ptr pCategories = parseArray(reply.body);
	CPPUNIT_ASSERT_EQUAL(std::size_t(3), pCategories->size());
	Object::Ptr pFirst = pCategories->getObject(0);
	CPPUNIT_ASSERT(pFirst->get("category_id").isString());
	CPPUNIT_ASSERT_EQUAL(std::string("1"), pFirst->getValue<std::string>("category_id"));
	CPPUNIT_ASSERT_EQUAL(std::string("Généralistes"), pFirst->getValue<std::string>("category_name"));
	CPPUNIT_ASSERT(pFirst->get("parent_id").isInteger());
	CPPUNIT_ASSERT_EQUAL(0, pFirst->getValue<int>("parent_id"));
	CPPUNIT_ASSERT_EQUAL(std::string("Sport & Divertissement"), pCategories->getObject(2)->getValue<std::string>("category_name"));
}


void FakeProviderTest::testLiveStreams()
{
	FakeProvider& provider = startProvider(testOptions());
	Reply reply = request("GET", apiPath("get_live_streams"));
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	Array::Ptr pStreams = parseArray(reply.body);
	CPPUNIT_ASSERT_EQUAL(std::size_t(6), pStreams->size());

	Object::Ptr pFirst = pStreams->getObject(0);
	const std::vector<std::string> keys = {"num", "name", "stream_type", "stream_id", "stream_icon", "epg_channel_id",
		"added", "category_id", "custom_sid", "tv_archive", "direct_source", "tv_archive_duration"};
	CPPUNIT_ASSERT_EQUAL(keys.size(), pFirst->size());
	for (const auto& key: keys) CPPUNIT_ASSERT_MESSAGE(key, pFirst->has(key));
	CPPUNIT_ASSERT(pFirst->get("num").isInteger());
	CPPUNIT_ASSERT(pFirst->get("stream_id").isInteger());
	CPPUNIT_ASSERT(pFirst->get("added").isString());
	CPPUNIT_ASSERT(pFirst->get("category_id").isString());
	CPPUNIT_ASSERT(pFirst->get("tv_archive").isInteger());
	CPPUNIT_ASSERT_EQUAL(101, pFirst->getValue<int>("stream_id"));
	CPPUNIT_ASSERT_EQUAL(std::string("live"), pFirst->getValue<std::string>("stream_type"));
	CPPUNIT_ASSERT_EQUAL(std::string("France 2 Été"), pFirst->getValue<std::string>("name"));
	CPPUNIT_ASSERT_EQUAL(provider.baseUrl() + "/logos/101.png", pFirst->getValue<std::string>("stream_icon"));
	CPPUNIT_ASSERT_EQUAL(std::string("Télé Océan"), pStreams->getObject(1)->getValue<std::string>("name"));
	CPPUNIT_ASSERT_EQUAL(std::string("Le \"Grand\" Journal & Co \xF0\x9F\x93\xBA"), pStreams->getObject(3)->getValue<std::string>("name"));
	CPPUNIT_ASSERT(reply.body.find("\\ud83d\\udcfa") != std::string::npos); // emoji as a surrogate pair, like PHP
	CPPUNIT_ASSERT_EQUAL(std::string("News 24"), pStreams->getObject(4)->getValue<std::string>("name"));

	const Reply logo = request("GET", "/logos/101.png");
	CPPUNIT_ASSERT_EQUAL(200, logo.status);
	CPPUNIT_ASSERT_EQUAL(std::string("image/png"), logo.contentType);
	CPPUNIT_ASSERT_EQUAL(std::string("\x89PNG"), logo.body.substr(0, 4));

	reply = request("GET", apiPath("get_live_streams") + "&category_id=2");
	pStreams = parseArray(reply.body);
	CPPUNIT_ASSERT_EQUAL(std::size_t(2), pStreams->size());
	CPPUNIT_ASSERT_EQUAL(104, pStreams->getObject(0)->getValue<int>("stream_id"));
	CPPUNIT_ASSERT_EQUAL(105, pStreams->getObject(1)->getValue<int>("stream_id"));
	CPPUNIT_ASSERT_EQUAL(std::string("[]"), request("GET", apiPath("get_live_streams") + "&category_id=999").body);
	CPPUNIT_ASSERT_EQUAL(std::string("[]"), request("GET", apiPath("get_vod_categories")).body);
}


void FakeProviderTest::testSyntheticCatalog()
{
	ProviderOptions options = testOptions();
	options.channelCount = 50000;
	options.maxConnections = 2;
	startProvider(options);
	const Poco::Timestamp started;
	Reply reply = request("GET", apiPath("get_live_streams"));
	const Poco::Timestamp::TimeDiff elapsed = started.elapsed();
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	Array::Ptr pStreams = parseArray(reply.body);
	CPPUNIT_ASSERT_EQUAL(std::size_t(50006), pStreams->size());
	CPPUNIT_ASSERT_MESSAGE(Poco::format("50 006 channels took %Ld us", elapsed), elapsed < 5000000);
	Object::Ptr pLast = pStreams->getObject(50005);
	CPPUNIT_ASSERT_EQUAL(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 49999, pLast->getValue<int>("stream_id"));
	CPPUNIT_ASSERT_EQUAL(50006, pLast->getValue<int>("num"));
	CPPUNIT_ASSERT(pLast->getValue<std::string>("name").find("Chaîne n°50000") == 0);

	reply = request("GET", apiPath("get_live_categories"));
	CPPUNIT_ASSERT_EQUAL(std::size_t(53), parseArray(reply.body)->size());
	reply = request("GET", apiPath("get_live_streams") + "&category_id=10");
	CPPUNIT_ASSERT_EQUAL(std::size_t(1000), parseArray(reply.body)->size());

	// Synthetic channels stream too, each with an encoder of its own.
	TestStream first(_pProvider->port(), livePath(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 123));
	TestStream second(_pProvider->port(), livePath(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 40000));
	CPPUNIT_ASSERT_EQUAL(200, first.status());
	CPPUNIT_ASSERT_EQUAL(200, second.status());
	CPPUNIT_ASSERT(isMpegTs(first.readAtLeast(188 * 20, seconds(5))));
	CPPUNIT_ASSERT(isMpegTs(second.readAtLeast(188 * 20, seconds(5))));
}


void FakeProviderTest::testStreamIsMpegTs()
{
	FakeProvider& provider = startProvider(testOptions());
	{
		TestStream stream(provider.port(), livePath(FakeProvider::CHANNEL_SD));
		CPPUNIT_ASSERT_EQUAL(200, stream.status());
		CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), stream.header("content-type"));
		CPPUNIT_ASSERT(!stream.hasHeader("content-length"));
		CPPUNIT_ASSERT(!stream.hasHeader("transfer-encoding"));
		const Poco::Timestamp started;
		const std::string data = stream.readAtLeast(188 * 200, seconds(5));
		CPPUNIT_ASSERT(isMpegTs(data));
		// Real-time pacing: one second of stream takes about one second to arrive.
		std::string more;
		const Poco::Timestamp second;
		while (!second.isElapsed(1000000)) stream.read(more, 65536, Poco::Timespan(0, 50000));
		CPPUNIT_ASSERT_MESSAGE(Poco::format("%z bytes in one second", more.size()), more.size() > 40000 && more.size() < 400000);
	}
	Object::Ptr pProbe = probe(FakeProvider::CHANNEL_SD);
	Array::Ptr pStreams = pProbe->getArray("streams");
	CPPUNIT_ASSERT_EQUAL(std::size_t(2), pStreams->size());
	Object::Ptr pVideo = streamOfType(pStreams, "video");
	Object::Ptr pAudio = streamOfType(pStreams, "audio");
	CPPUNIT_ASSERT(pVideo && pAudio);
	CPPUNIT_ASSERT_EQUAL(std::string("h264"), pVideo->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(640, pVideo->getValue<int>("width"));
	CPPUNIT_ASSERT_EQUAL(360, pVideo->getValue<int>("height"));
	CPPUNIT_ASSERT_EQUAL(std::string("yuv420p"), pVideo->getValue<std::string>("pix_fmt"));
	CPPUNIT_ASSERT_EQUAL(std::string("aac"), pAudio->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(std::string("48000"), pAudio->getValue<std::string>("sample_rate"));
}


void FakeProviderTest::testMp2Channel()
{
	startProvider(testOptions());
	Array::Ptr pStreams = probe(FakeProvider::CHANNEL_MP2)->getArray("streams");
	CPPUNIT_ASSERT_EQUAL(std::string("h264"), streamOfType(pStreams, "video")->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(std::string("mp2"), streamOfType(pStreams, "audio")->getValue<std::string>("codec_name"));
}


void FakeProviderTest::testHdChannel()
{
	startProvider(testOptions());
	Array::Ptr pStreams = probe(FakeProvider::CHANNEL_HD)->getArray("streams");
	Object::Ptr pVideo = streamOfType(pStreams, "video");
	CPPUNIT_ASSERT_EQUAL(std::string("h264"), pVideo->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(1280, pVideo->getValue<int>("width"));
	CPPUNIT_ASSERT_EQUAL(720, pVideo->getValue<int>("height"));
	CPPUNIT_ASSERT_EQUAL(std::string("aac"), streamOfType(pStreams, "audio")->getValue<std::string>("codec_name"));
}


void FakeProviderTest::testMultiAudioChannel()
{
	startProvider(testOptions());
	Array::Ptr pStreams = probe(FakeProvider::CHANNEL_MULTI_AUDIO)->getArray("streams");
	CPPUNIT_ASSERT_EQUAL(std::size_t(3), pStreams->size());
	CPPUNIT_ASSERT_EQUAL(std::string("h264"), streamOfType(pStreams, "video")->getValue<std::string>("codec_name"));
	Object::Ptr pFirst = streamOfType(pStreams, "audio", 0);
	Object::Ptr pSecond = streamOfType(pStreams, "audio", 1);
	CPPUNIT_ASSERT_EQUAL(std::string("aac"), pFirst->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(std::string("fra"), pFirst->getObject("tags")->getValue<std::string>("language"));
	CPPUNIT_ASSERT_EQUAL(std::string("ac3"), pSecond->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(std::string("eng"), pSecond->getObject("tags")->getValue<std::string>("language"));
}


void FakeProviderTest::testStreamUrlsAndErrors()
{
	FakeProvider& provider = startProvider(testOptions());
	for (const std::string& target: {std::string("/demo-user/s3cret-Pa55/105"), std::string("/demo-user/s3cret-Pa55/105.ts"),
		std::string("/live/demo-user/s3cret-Pa55/105")})
	{
		TestStream stream(provider.port(), target);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(target, 200, stream.status());
		CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 20, seconds(5))));
		stream.close();
		CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
	}
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/live/demo-user/s3cret-Pa55/101.m3u8").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/live/demo-user/s3cret-Pa55/101.mp4").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/live/demo-user/s3cret-Pa55/9999.ts").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", livePath(FakeProvider::CHANNEL_OFFLINE)).status);
	CPPUNIT_ASSERT_EQUAL(401, request("GET", "/live/demo-user/wrong/101.ts").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/live/demo-user/s3cret-Pa55/abc.ts").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/nothing/here").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/logos/104.png").status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), provider.stats().channels[105].total);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(5), provider.stats().streamErrors);
}


void FakeProviderTest::testConnectionLimit()
{
	FakeProvider& provider = startProvider(testOptions());
	TestStream first(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, first.status());
	first.readAtLeast(188, seconds(5));

	TestStream refused(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(403, refused.status());
	CPPUNIT_ASSERT_EQUAL(403, request("GET", livePath(101)).status);
	CPPUNIT_ASSERT_EQUAL(std::string("1"), accountInfo()->getObject("user_info")->getValue<std::string>("active_cons"));
	CPPUNIT_ASSERT_EQUAL(200, request("GET", apiPath("get_live_streams")).status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().streamRefused);
	CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());

	first.close();
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
	TestStream second(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(200, second.status());
	CPPUNIT_ASSERT(isMpegTs(second.readAtLeast(188 * 20, seconds(5))));

	provider.setMaxConnections(2);
	TestStream third(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, third.status());
	CPPUNIT_ASSERT_EQUAL(2, provider.activeConnections());
}


void FakeProviderTest::testSlotReleaseDelay()
{
	ProviderOptions options = testOptions();
	options.slotReleaseDelay = Poco::Timespan(1, 500000);
	FakeProvider& provider = startProvider(options);
	{
		TestStream stream(provider.port(), livePath(101));
		CPPUNIT_ASSERT_EQUAL(200, stream.status());
		stream.readAtLeast(188, seconds(5));
	}
	// The server notices the closed socket quickly; the slot stays taken for the delay.
	CPPUNIT_ASSERT(waitFor([&] { return provider.stats().channels[101].open == 0; }, seconds(2)));
	const Poco::Timestamp noticed;
	CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());
	CPPUNIT_ASSERT_EQUAL(403, request("GET", livePath(101)).status);
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(3)));
	CPPUNIT_ASSERT(noticed.isElapsed(1200000));
	TestStream again(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, again.status());
}


void FakeProviderTest::testStats()
{
	ProviderOptions options = testOptions();
	options.maxConnections = 2;
	FakeProvider& provider = startProvider(options);
	accountInfo();
	request("GET", apiPath("get_live_categories"));
	TestStream first(provider.port(), livePath(101));
	TestStream second(provider.port(), livePath(101));
	TestStream refused(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(403, refused.status());
	first.readAtLeast(188, seconds(5));

	const Reply reply = request("GET", "/_stats");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	Object::Ptr pStats = parseObject(reply.body);
	Object::Ptr pChannel = pStats->getObject("channels")->getObject("101");
	CPPUNIT_ASSERT(pChannel);
	CPPUNIT_ASSERT_EQUAL(2, pChannel->getValue<int>("open"));
	CPPUNIT_ASSERT_EQUAL(2, pChannel->getValue<int>("total"));
	CPPUNIT_ASSERT(pChannel->getValue<bool>("encoding"));
	CPPUNIT_ASSERT_EQUAL(2, pStats->getValue<int>("player_api_requests"));
	CPPUNIT_ASSERT_EQUAL(3, pStats->getValue<int>("stream_requests"));
	CPPUNIT_ASSERT_EQUAL(1, pStats->getValue<int>("stream_refused"));
	CPPUNIT_ASSERT_EQUAL(2, pStats->getValue<int>("active_connections"));

	const fakeprovider::ProviderStats stats = provider.stats();
	CPPUNIT_ASSERT_EQUAL(2, stats.channels.at(101).open);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), stats.channels.at(101).total);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), stats.playerApiRequests);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), stats.streamRequests);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.streamRefused);
	const std::vector<Poco::Timestamp> times = provider.streamRequestTimes();
	CPPUNIT_ASSERT_EQUAL(std::size_t(3), times.size());
	CPPUNIT_ASSERT(std::is_sorted(times.begin(), times.end()));
	CPPUNIT_ASSERT(times.back() - times.front() < 5000000);

	first.close();
	CPPUNIT_ASSERT(waitFor([&] { return provider.stats().channels[101].open == 1; }, seconds(2)));
	pStats = parseObject(request("POST", "/_stats/reset").body);
	CPPUNIT_ASSERT_EQUAL(0, pStats->getValue<int>("stream_requests"));
	CPPUNIT_ASSERT_EQUAL(1, pStats->getObject("channels")->getObject("101")->getValue<int>("open"));
	CPPUNIT_ASSERT_EQUAL(0, pStats->getObject("channels")->getObject("101")->getValue<int>("total"));
	CPPUNIT_ASSERT(provider.streamRequestTimes().empty());
	CPPUNIT_ASSERT_EQUAL(405, request("GET", "/_stats/reset").status);
}


void FakeProviderTest::testOneEncoderPerChannel()
{
	ProviderOptions options = testOptions();
	options.maxConnections = 3;
	options.encoderLinger = Poco::Timespan(1, 0);
	FakeProvider& provider = startProvider(options);
	CPPUNIT_ASSERT_EQUAL(std::size_t(0), provider.stats().channels.size());
	{
		TestStream first(provider.port(), livePath(105));
		TestStream second(provider.port(), livePath(105));
		CPPUNIT_ASSERT(isMpegTs(first.readAtLeast(188 * 20, seconds(5))));
		CPPUNIT_ASSERT(isMpegTs(second.readAtLeast(188 * 20, seconds(5))));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().channels[105].encoderStarts);
		CPPUNIT_ASSERT_EQUAL(2, provider.stats().channels[105].open);
	}
	// A quick reconnect joins the lingering encoder mid-stream.
	CPPUNIT_ASSERT(waitFor([&] { return provider.stats().channels[105].open == 0; }, seconds(2)));
	CPPUNIT_ASSERT(provider.stats().channels[105].encoding);
	{
		TestStream again(provider.port(), livePath(105));
		CPPUNIT_ASSERT(isMpegTs(again.readAtLeast(188 * 20, seconds(5))));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().channels[105].encoderStarts);
	}
	// Without clients the encoder stops after the linger time.
	CPPUNIT_ASSERT(waitFor([&] { return !provider.stats().channels[105].encoding; }, seconds(3)));
	TestStream later(provider.port(), livePath(105));
	CPPUNIT_ASSERT(isMpegTs(later.readAtLeast(188 * 20, seconds(5))));
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().channels[105].encoderStarts);
}


void FakeProviderTest::testDropAfter()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setDropAfter(101, Poco::Timespan(1, 0));
	CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(1000000), provider.effectiveFaults(101).dropAfter.totalMicroseconds());
	CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(0), provider.effectiveFaults(102).dropAfter.totalMicroseconds());
	TestStream stream(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	const Poco::Timestamp started;
	CPPUNIT_ASSERT(stream.waitForEnd(seconds(4)));
	CPPUNIT_ASSERT_MESSAGE(Poco::format("closed after %Ld us", started.elapsed()), started.elapsed() > 700000 && started.elapsed() < 2500000);
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));

	// Global switch, applied to a connection already open.
	provider.setDropAfter(101, 0);
	TestStream running(provider.port(), livePath(102));
	running.readAtLeast(188, seconds(5));
	CPPUNIT_ASSERT(!running.waitForEnd(Poco::Timespan(0, 500000)));
	provider.setDropAfter(FakeProvider::ALL_CHANNELS, Poco::Timespan(0, 200000));
	CPPUNIT_ASSERT(running.waitForEnd(seconds(2)));
}


void FakeProviderTest::testStall()
{
	FakeProvider& provider = startProvider(testOptions());
	TestStream stream(provider.port(), livePath(101));
	stream.readAtLeast(188 * 50, seconds(5));
	provider.setStall(101, true);
	CPPUNIT_ASSERT(stream.drain(Poco::Timespan(0, 500000), seconds(5)));
	std::string data;
	CPPUNIT_ASSERT_EQUAL(std::size_t(0), stream.read(data, 65536, seconds(1)));
	CPPUNIT_ASSERT(!stream.ended());
	CPPUNIT_ASSERT_EQUAL(1, provider.stats().channels[101].open);

	provider.setStall(101, false);
	const std::string resumed = stream.readAtLeast(188 * 20, seconds(3));
	CPPUNIT_ASSERT(isMpegTs(resumed));

	// A client leaving during a stall still frees its slot.
	provider.setStall(FakeProvider::ALL_CHANNELS, true);
	stream.close();
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
}


void FakeProviderTest::testStatusFault()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setStatus(101, 503);
	CPPUNIT_ASSERT_EQUAL(503, request("GET", livePath(101)).status);
	CPPUNIT_ASSERT_EQUAL(0, provider.activeConnections());
	provider.setStatus(FakeProvider::ALL_CHANNELS, 509);
	CPPUNIT_ASSERT_EQUAL(503, request("GET", livePath(101)).status);
	CPPUNIT_ASSERT_EQUAL(509, request("GET", livePath(102)).status);
	CPPUNIT_ASSERT_EQUAL(401, request("GET", "/live/demo-user/bad/102.ts").status);
	CPPUNIT_ASSERT_THROW(provider.setStatus(101, 200), Poco::InvalidArgumentException);
	CPPUNIT_ASSERT_THROW(provider.setStatus(4242, 503), Poco::NotFoundException);
	provider.resetFaults();
	TestStream stream(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
}


void FakeProviderTest::testGarbage()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setGarbage(101, true);
	TestStream stream(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), stream.header("content-type"));
	const std::string data = stream.readAtLeast(32768, seconds(5));
	CPPUNIT_ASSERT_EQUAL(std::ptrdiff_t(0), std::count(data.begin(), data.end(), '\x47'));
	CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());
	CPPUNIT_ASSERT(!provider.stats().channels[101].encoding);
}


void FakeProviderTest::testRedirects()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setRedirects(101, 2);
	Reply reply = request("GET", livePath(101));
	CPPUNIT_ASSERT_EQUAL(302, reply.status);
	for (int hop = 0; hop < 2; ++hop)
	{
		const Poco::URI location(reply.location);
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), location.getHost());
		CPPUNIT_ASSERT_EQUAL(provider.port(), location.getPort());
		CPPUNIT_ASSERT(location.getPath().find("/lb/") == 0);
		CPPUNIT_ASSERT(location.getPath().find("s3cret") == std::string::npos);
		if (hop == 0)
		{
			reply = request("GET", location.getPathAndQuery());
			CPPUNIT_ASSERT_EQUAL(302, reply.status);
		}
		else
		{
			TestStream stream(provider.port(), location.getPathAndQuery());
			CPPUNIT_ASSERT_EQUAL(200, stream.status());
			CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 20, seconds(5))));
		}
	}
	CPPUNIT_ASSERT_EQUAL(403, request("GET", "/lb/0123456789abcdef0123456789abcdef/101.ts").status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().streamRequests);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), provider.stats().redirectHops);

	// ffprobe follows the redirects to the stream, as restream's FFmpeg input would.
	Object::Ptr pVideo = streamOfType(probe(101)->getArray("streams"), "video");
	CPPUNIT_ASSERT_EQUAL(std::string("h264"), pVideo->getValue<std::string>("codec_name"));
}


void FakeProviderTest::testRedirectLoop()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setRedirectLoop(101, true);
	Reply reply = request("GET", livePath(101));
	std::set<std::string> seen;
	for (int hop = 0; hop < 10; ++hop)
	{
		CPPUNIT_ASSERT_EQUAL(302, reply.status);
		CPPUNIT_ASSERT(seen.insert(reply.location).second);
		reply = request("GET", Poco::URI(reply.location).getPathAndQuery());
	}
	CPPUNIT_ASSERT_EQUAL(302, reply.status);
	CPPUNIT_ASSERT_EQUAL(0, provider.activeConnections());
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(10), provider.stats().redirectHops);
}


void FakeProviderTest::testApiModes()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setApiMode(ApiMode::HTML);
	Reply reply = request("GET", apiPath());
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	CPPUNIT_ASSERT_EQUAL(std::string("text/html; charset=UTF-8"), reply.contentType);
	CPPUNIT_ASSERT(reply.body.find("<html") != std::string::npos);

	provider.setApiMode(ApiMode::TEXT);
	reply = request("GET", apiPath("get_live_streams"));
	CPPUNIT_ASSERT_EQUAL(std::string("blocked"), reply.body);

	provider.setApiMode(ApiMode::SLOW);
	provider.setApiDelay(Poco::Timespan(0, 400000));
	Poco::Timestamp started;
	CPPUNIT_ASSERT_EQUAL(1, accountInfo()->getObject("user_info")->getValue<int>("auth"));
	CPPUNIT_ASSERT(started.isElapsed(380000));

	provider.setApiMode(ApiMode::EXPIRED);
	Object::Ptr pUser = accountInfo()->getObject("user_info");
	CPPUNIT_ASSERT_EQUAL(1, pUser->getValue<int>("auth"));
	CPPUNIT_ASSERT_EQUAL(std::string("Expired"), pUser->getValue<std::string>("status"));
	CPPUNIT_ASSERT(std::stoll(pUser->getValue<std::string>("exp_date")) < Poco::Timestamp().epochTime());
	CPPUNIT_ASSERT_EQUAL(std::string("[]"), request("GET", apiPath("get_live_streams")).body);
	CPPUNIT_ASSERT_EQUAL(403, request("GET", livePath(101)).status);

	provider.setApiMode(ApiMode::DISABLED);
	CPPUNIT_ASSERT_EQUAL(std::string("Disabled"), accountInfo()->getObject("user_info")->getValue<std::string>("status"));
	provider.setApiMode(ApiMode::BANNED);
	CPPUNIT_ASSERT_EQUAL(std::string("Banned"), accountInfo()->getObject("user_info")->getValue<std::string>("status"));

	provider.setApiMode(ApiMode::NUMBERS);
	Object::Ptr pRoot = accountInfo();
	pUser = pRoot->getObject("user_info");
	CPPUNIT_ASSERT(pUser->get("max_connections").isInteger());
	CPPUNIT_ASSERT(pUser->get("active_cons").isInteger());
	CPPUNIT_ASSERT(pUser->isNull("exp_date"));
	CPPUNIT_ASSERT(pRoot->getObject("server_info")->get("port").isInteger());
	Array::Ptr pCategories = parseArray(request("GET", apiPath("get_live_categories")).body);
	CPPUNIT_ASSERT(pCategories->getObject(0)->get("category_id").isInteger());
	Array::Ptr pStreams = parseArray(request("GET", apiPath("get_live_streams")).body);
	CPPUNIT_ASSERT(pStreams->getObject(0)->get("category_id").isInteger());
	CPPUNIT_ASSERT(pStreams->getObject(0)->get("added").isInteger());

	provider.setApiMode(ApiMode::NORMAL);
	CPPUNIT_ASSERT(accountInfo()->getObject("user_info")->get("max_connections").isString());
	TestStream stream(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
}


void FakeProviderTest::testUserAgentRequired()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setUserAgentRequired("VLC/");
	CPPUNIT_ASSERT_EQUAL(403, request("GET", apiPath()).status);
	CPPUNIT_ASSERT_EQUAL(403, request("GET", apiPath(), "Lavf/59.27.100").status);
	CPPUNIT_ASSERT_EQUAL(200, request("GET", apiPath(), "VLC/3.0.18 LibVLC/3.0.18").status);
	CPPUNIT_ASSERT_EQUAL(403, request("GET", livePath(101), "Lavf/59.27.100").status);
	CPPUNIT_ASSERT_EQUAL(200, request("GET", "/_stats").status);
	TestStream stream(provider.port(), livePath(101), "VLC/3.0.18 LibVLC/3.0.18");
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
}


void FakeProviderTest::testControlApi()
{
	FakeProvider& provider = startProvider(testOptions());
	Reply reply = request("POST", "/_control?channel=101&drop_after=2.5&stall=1&status=0&redirect=3");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	fakeprovider::ChannelFaults faults = provider.channelFaults(101);
	CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(2500000), faults.dropAfter.totalMicroseconds());
	CPPUNIT_ASSERT(faults.stall);
	CPPUNIT_ASSERT_EQUAL(3, faults.redirects);
	Object::Ptr pSettings = parseObject(reply.body);
	CPPUNIT_ASSERT_EQUAL(2500, pSettings->getObject("faults")->getObject("101")->getValue<int>("drop_after_ms"));

	reply = request("POST", "/_control?garbage=1&api_mode=numbers&api_delay_ms=50&user_agent_required=VLC&max_connections=4&slot_release_delay_ms=250");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	CPPUNIT_ASSERT(provider.channelFaults(FakeProvider::ALL_CHANNELS).garbage);
	CPPUNIT_ASSERT(provider.effectiveFaults(102).garbage);
	CPPUNIT_ASSERT(provider.apiMode() == ApiMode::NUMBERS);
	CPPUNIT_ASSERT_EQUAL(4, provider.maxConnections());
	pSettings = parseObject(request("GET", "/_control").body);
	CPPUNIT_ASSERT_EQUAL(std::string("numbers"), pSettings->getValue<std::string>("api_mode"));
	CPPUNIT_ASSERT_EQUAL(std::string("VLC"), pSettings->getValue<std::string>("user_agent_required"));
	CPPUNIT_ASSERT_EQUAL(250, pSettings->getValue<int>("slot_release_delay_ms"));
	CPPUNIT_ASSERT(pSettings->getObject("faults")->getObject("all")->getValue<bool>("garbage"));

	CPPUNIT_ASSERT_EQUAL(400, request("POST", "/_control?bogus=1").status);
	CPPUNIT_ASSERT_EQUAL(400, request("POST", "/_control?channel=4242&stall=1").status);
	CPPUNIT_ASSERT_EQUAL(400, request("POST", "/_control?channel=102&status=200").status);
	CPPUNIT_ASSERT_EQUAL(400, request("POST", "/_control?channel=102&stall=maybe").status);
	CPPUNIT_ASSERT_EQUAL(400, request("POST", "/_control?api_mode=sideways").status);
	CPPUNIT_ASSERT(!provider.channelFaults(102).stall);
	CPPUNIT_ASSERT_EQUAL(405, request("GET", "/_control/reset").status);

	reply = request("POST", "/_control?channel=102&redirect_loop=1");
	CPPUNIT_ASSERT(provider.channelFaults(102).redirectLoop);
	reply = request("POST", "/_control/reset");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	CPPUNIT_ASSERT(provider.channelFaults(101) == fakeprovider::ChannelFaults());
	CPPUNIT_ASSERT(provider.channelFaults(FakeProvider::ALL_CHANNELS) == fakeprovider::ChannelFaults());
	CPPUNIT_ASSERT(provider.apiMode() == ApiMode::NORMAL);
	CPPUNIT_ASSERT_EQUAL(1, provider.maxConnections());
	CPPUNIT_ASSERT_EQUAL(std::size_t(0), parseObject(reply.body)->getObject("faults")->size());
	CPPUNIT_ASSERT_EQUAL(200, request("GET", apiPath()).status);
}


void FakeProviderTest::testSlowClientDropped()
{
	ProviderOptions options = testOptions();
	options.maxConnections = 2;
	options.clientBacklogBytes = 128 * 1024;
	FakeProvider& provider = startProvider(options);
	TestStream slow(provider.port(), livePath(FakeProvider::CHANNEL_HD), "", 4096);
	TestStream fast(provider.port(), livePath(FakeProvider::CHANNEL_HD));
	CPPUNIT_ASSERT_EQUAL(200, slow.status());
	CPPUNIT_ASSERT_EQUAL(200, fast.status());
	// slow never reads; fast keeps up and must not be held back.
	std::string data;
	const Poco::Timestamp started;
	while (provider.stats().slowClientsDropped == 0 && !started.isElapsed(15000000))
	{
		fast.read(data, 65536, Poco::Timespan(0, 50000));
	}
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().slowClientsDropped);
	const double elapsed = static_cast<double>(started.elapsed()) / 1e6;
	CPPUNIT_ASSERT_MESSAGE(Poco::format("fast client got %z bytes in %.1f s", data.size(), elapsed), data.size() > elapsed * 60000);
	CPPUNIT_ASSERT(isMpegTs(data));
	CPPUNIT_ASSERT(slow.waitForEnd(seconds(5)));
	CPPUNIT_ASSERT_EQUAL(1, provider.stats().channels[FakeProvider::CHANNEL_HD].open);
	fast.readAtLeast(188 * 100, seconds(5));
}


void FakeProviderTest::testClientChurn()
{
	FakeProvider& provider = startProvider(testOptions());
	for (int i = 0; i < 20; ++i)
	{
		TestStream stream(provider.port(), livePath(101));
		CPPUNIT_ASSERT_EQUAL(200, stream.status());
		if (i % 2 == 0) stream.readAtLeast(188, seconds(5));
		stream.socket().setLinger(true, 0); // abortive close (RST) every time
		stream.close();
		CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
	}
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(20), provider.stats().channels[101].total);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().channels[101].encoderStarts);
	TestStream last(provider.port(), livePath(101));
	CPPUNIT_ASSERT(isMpegTs(last.readAtLeast(188 * 100, seconds(5))));
}


void FakeProviderTest::testStopIsPrompt()
{
	const int threadsBefore = countThreads();
	ProviderOptions options = testOptions();
	options.maxConnections = 3;
	options.encoderLinger = Poco::Timespan(60, 0);
	FakeProvider& provider = startProvider(options);
	TestStream sd(provider.port(), livePath(101));
	TestStream hd(provider.port(), livePath(103));
	provider.setGarbage(102, true);
	TestStream garbage(provider.port(), livePath(102));
	sd.readAtLeast(188, seconds(5));
	hd.readAtLeast(188, seconds(5));
	garbage.readAtLeast(188, seconds(5));
	provider.setApiMode(ApiMode::SLOW);
	provider.setApiDelay(Poco::Timespan(30, 0));
	Poco::Net::StreamSocket api;
	api.connect(Poco::Net::SocketAddress("127.0.0.1", provider.port()));
	const std::string apiRequest = "GET " + apiPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
	api.sendBytes(apiRequest.data(), static_cast<int>(apiRequest.size()));
	Poco::Thread::sleep(100);
	CPPUNIT_ASSERT(countThreads() > threadsBefore + 4);

	const Poco::Timestamp started;
	provider.stop();
	CPPUNIT_ASSERT_MESSAGE(Poco::format("stop took %Ld us", started.elapsed()), !started.isElapsed(1000000));
	CPPUNIT_ASSERT(!provider.running());
	CPPUNIT_ASSERT_EQUAL(threadsBefore, countThreads());
	CPPUNIT_ASSERT(sd.waitForEnd(seconds(1)));
	CPPUNIT_ASSERT(hd.waitForEnd(seconds(1)));
	CPPUNIT_ASSERT(garbage.waitForEnd(seconds(1)));
	CPPUNIT_ASSERT_EQUAL(0, provider.stats().channels[101].open);
	provider.stop(); // harmless twice
}


void FakeProviderTest::testRestartKeepsPort()
{
	FakeProvider& provider = startProvider(testOptions());
	const Poco::UInt16 port = provider.port();
	CPPUNIT_ASSERT_EQUAL(Poco::format("http://127.0.0.1:%hu", port), provider.baseUrl());
	CPPUNIT_ASSERT_THROW(provider.start(), Poco::IllegalStateException);
	{
		TestStream stream(port, livePath(101));
		stream.readAtLeast(188, seconds(5));
		provider.stop();
		CPPUNIT_ASSERT(stream.waitForEnd(seconds(1)));
	}
	CPPUNIT_ASSERT_THROW([&] { TestStream refused(port, livePath(101)); }(), Poco::Net::NetException);
	provider.start();
	CPPUNIT_ASSERT_EQUAL(port, provider.port());
	TestStream stream(port, livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 20, seconds(5))));
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().channels[101].total);
}


void FakeProviderTest::testExecutable()
{
	const std::vector<std::string> args = {"--port", "0", "--username", "bench", "--password", "mark",
		"--max-connections", "2", "--channels", "100", "--duration", "20"};
	Poco::Pipe outPipe;
	Poco::ProcessHandle handle = Poco::Process::launch(FAKE_XTREAM_EXECUTABLE, args, nullptr, &outPipe, nullptr);
	Poco::PipeInputStream output(outPipe);
	std::string line;
	std::getline(output, line);
	const std::string prefix = "listening on http://127.0.0.1:";
	CPPUNIT_ASSERT_MESSAGE(line, line.compare(0, prefix.size(), prefix) == 0);
	const Poco::URI base(line.substr(std::string("listening on ").size()));

	Poco::Net::HTTPClientSession session("127.0.0.1", base.getPort());
	session.setTimeout(Poco::Timespan(10, 0));
	Poco::Net::HTTPRequest httpRequest("GET", "/player_api.php?username=bench&password=mark&action=get_live_streams");
	session.sendRequest(httpRequest);
	Poco::Net::HTTPResponse response;
	std::string body;
	Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
	CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
	CPPUNIT_ASSERT_EQUAL(std::size_t(106), parseArray(body)->size());
	TestStream stream(base.getPort(), "/live/bench/mark/101.ts");
	CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 20, seconds(5))));

	const Poco::Timestamp started;
	Poco::Process::requestTermination(handle.id());
	CPPUNIT_ASSERT_EQUAL(0, handle.wait());
	CPPUNIT_ASSERT_MESSAGE(Poco::format("exit took %Ld us", started.elapsed()), !started.isElapsed(2000000));
}
