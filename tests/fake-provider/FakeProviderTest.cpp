//
// FakeProviderTest.cpp
//
// The fake provider's self-test.
//


#include "FakeProviderTest.h"
#include "RawHttpGet.h"
#include "TestGuide.h"
#include "TestVideoReader.h"
#include "fakeprovider/FrameClock.h"
#include "Poco/CountingStream.h"
#include "Poco/Dynamic/Var.h"
#include "Poco/Exception.h"
#include "Poco/Format.h"
#include "Poco/InflatingStream.h"
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
#include "Poco/TemporaryFile.h"
#include "Poco/Thread.h"
#include "Poco/Timestamp.h"
#include "Poco/URI.h"
#include <dirent.h>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
extern "C" {
#include <libavutil/frame.h>
}


using fakeprovider::ApiMode;
using fakeprovider::FakeProvider;
using fakeprovider::FrameClock;
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


long memoryKb(const std::string& field)
	/// A "VmRSS" or "VmHWM" line of /proc/self/status, in kB.
{
	std::ifstream status("/proc/self/status");
	std::string line;
	while (std::getline(status, line))
	{
		if (line.compare(0, field.size() + 1, field + ":") == 0) return std::stol(line.substr(field.size() + 1));
	}
	return -1;
}


std::vector<std::string> playlistUris(const std::string& playlist)
{
	std::vector<std::string> uris;
	std::istringstream lines(playlist);
	std::string line;
	while (std::getline(lines, line))
	{
		if (!line.empty() && line[0] != '#') uris.push_back(line);
	}
	return uris;
}


Poco::Int64 mediaSequence(const std::string& playlist)
{
	const std::string tag = "#EXT-X-MEDIA-SEQUENCE:";
	const std::string::size_type at = playlist.find(tag);
	return at == std::string::npos ? -1 : std::stoll(playlist.substr(at + tag.size()));
}


struct TsHeader
	/// The fields of a TS packet header the tests look at.
{
	explicit TsHeader(const char* pPacket):
		pData(reinterpret_cast<const unsigned char*>(pPacket)),
		pid(((pData[1] & 0x1F) << 8) | pData[2]),
		payloadStart((pData[1] & 0x40) != 0),
		hasAdaptation((pData[3] & 0x20) != 0),
		hasPayload((pData[3] & 0x10) != 0),
		continuity(pData[3] & 0x0F),
		payloadOffset(4 + (hasAdaptation ? 1 + pData[4] : 0))
	{
	}

	bool randomAccess() const { return hasAdaptation && pData[4] > 0 && (pData[5] & 0x40); }
	bool hasPcr() const { return hasAdaptation && pData[4] >= 7 && (pData[5] & 0x10); }

	const unsigned char* pData;
	int pid;
	bool payloadStart;
	bool hasAdaptation;
	bool hasPayload;
	int continuity;
	int payloadOffset;
};


void checkMemoryGrowth(long growthKb)
	/// The fake's memory must not grow with an answer's size. Not checked under AddressSanitizer,
	/// whose quarantine keeps freed memory (256 MB by default) resident.
{
#if defined(__SANITIZE_ADDRESS__)
	std::cout << Poco::format("  (memory growth +%ld kB not checked under AddressSanitizer)\n", growthKb);
#else
	CPPUNIT_ASSERT_MESSAGE(Poco::format("+%ld kB", growthKb), growthKb < 64 * 1024);
#endif
}


const int VIDEO_PID = 0x100;
const int AUDIO_PID = 0x101;


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


std::string FakeProviderTest::hlsPath(int channelId) const
{
	return Poco::URI(_pProvider->hlsUrl(channelId)).getPathAndQuery();
}


std::vector<std::string> FakeProviderTest::allowedOutputFormats()
{
	Array::Ptr pFormats = accountInfo()->getObject("user_info")->getArray("allowed_output_formats");
	std::vector<std::string> formats;
	for (std::size_t i = 0; i < pFormats->size(); ++i) formats.push_back(pFormats->getElement<std::string>(static_cast<unsigned>(i)));
	return formats;
}


Object::Ptr FakeProviderTest::probe(int channelId)
{
	return probe(_pProvider->streamUrl(channelId));
}


Object::Ptr FakeProviderTest::probe(const std::string& url)
{
	const std::vector<std::string> args = {"-v", "fatal", "-rw_timeout", "5000000", "-analyzeduration", "3000000",
		"-show_entries", "stream=index,codec_type,codec_name,width,height,pix_fmt,sample_rate,channels:stream_tags=language",
		"-of", "json", url};
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
	RawHttpGet first(_pProvider->port(), livePath(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 123));
	RawHttpGet second(_pProvider->port(), livePath(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 40000));
	CPPUNIT_ASSERT_EQUAL(200, first.status());
	CPPUNIT_ASSERT_EQUAL(200, second.status());
	CPPUNIT_ASSERT(isMpegTs(first.readAtLeast(188 * 20, seconds(5))));
	CPPUNIT_ASSERT(isMpegTs(second.readAtLeast(188 * 20, seconds(5))));
}


void FakeProviderTest::testStreamIsMpegTs()
{
	FakeProvider& provider = startProvider(testOptions());
	{
		RawHttpGet stream(provider.port(), livePath(FakeProvider::CHANNEL_SD));
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
		RawHttpGet stream(provider.port(), target);
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
	RawHttpGet first(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, first.status());
	first.readAtLeast(188, seconds(5));

	RawHttpGet refused(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(403, refused.status());
	CPPUNIT_ASSERT_EQUAL(403, request("GET", livePath(101)).status);
	CPPUNIT_ASSERT_EQUAL(std::string("1"), accountInfo()->getObject("user_info")->getValue<std::string>("active_cons"));
	CPPUNIT_ASSERT_EQUAL(200, request("GET", apiPath("get_live_streams")).status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().streamRefused);
	CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());

	first.close();
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
	RawHttpGet second(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(200, second.status());
	CPPUNIT_ASSERT(isMpegTs(second.readAtLeast(188 * 20, seconds(5))));

	provider.setMaxConnections(2);
	RawHttpGet third(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, third.status());
	CPPUNIT_ASSERT_EQUAL(2, provider.activeConnections());
}


void FakeProviderTest::testSlotReleaseDelay()
{
	ProviderOptions options = testOptions();
	options.slotReleaseDelay = Poco::Timespan(1, 500000);
	FakeProvider& provider = startProvider(options);
	{
		RawHttpGet stream(provider.port(), livePath(101));
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
	RawHttpGet again(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, again.status());
}


void FakeProviderTest::testStats()
{
	ProviderOptions options = testOptions();
	options.maxConnections = 2;
	FakeProvider& provider = startProvider(options);
	accountInfo();
	request("GET", apiPath("get_live_categories"));
	RawHttpGet first(provider.port(), livePath(101));
	RawHttpGet second(provider.port(), livePath(101));
	RawHttpGet refused(provider.port(), livePath(102));
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
		RawHttpGet first(provider.port(), livePath(105));
		RawHttpGet second(provider.port(), livePath(105));
		CPPUNIT_ASSERT(isMpegTs(first.readAtLeast(188 * 20, seconds(5))));
		CPPUNIT_ASSERT(isMpegTs(second.readAtLeast(188 * 20, seconds(5))));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().channels[105].encoderStarts);
		CPPUNIT_ASSERT_EQUAL(2, provider.stats().channels[105].open);
	}
	// A quick reconnect joins the lingering encoder mid-stream.
	CPPUNIT_ASSERT(waitFor([&] { return provider.stats().channels[105].open == 0; }, seconds(2)));
	CPPUNIT_ASSERT(provider.stats().channels[105].encoding);
	{
		RawHttpGet again(provider.port(), livePath(105));
		CPPUNIT_ASSERT(isMpegTs(again.readAtLeast(188 * 20, seconds(5))));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().channels[105].encoderStarts);
	}
	// Without clients the encoder stops after the linger time.
	CPPUNIT_ASSERT(waitFor([&] { return !provider.stats().channels[105].encoding; }, seconds(3)));
	RawHttpGet later(provider.port(), livePath(105));
	CPPUNIT_ASSERT(isMpegTs(later.readAtLeast(188 * 20, seconds(5))));
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().channels[105].encoderStarts);
}


void FakeProviderTest::testDropAfter()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setDropAfter(101, Poco::Timespan(1, 0));
	CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(1000000), provider.effectiveFaults(101).dropAfter.totalMicroseconds());
	CPPUNIT_ASSERT_EQUAL(Poco::Timespan::TimeDiff(0), provider.effectiveFaults(102).dropAfter.totalMicroseconds());
	RawHttpGet stream(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	const Poco::Timestamp started;
	CPPUNIT_ASSERT(stream.waitForEnd(seconds(4)));
	CPPUNIT_ASSERT_MESSAGE(Poco::format("closed after %Ld us", started.elapsed()), started.elapsed() > 700000 && started.elapsed() < 2500000);
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));

	// Global switch, applied to a connection already open.
	provider.setDropAfter(101, 0);
	RawHttpGet running(provider.port(), livePath(102));
	running.readAtLeast(188, seconds(5));
	CPPUNIT_ASSERT(!running.waitForEnd(Poco::Timespan(0, 500000)));
	provider.setDropAfter(FakeProvider::ALL_CHANNELS, Poco::Timespan(0, 200000));
	CPPUNIT_ASSERT(running.waitForEnd(seconds(2)));
}


void FakeProviderTest::testStall()
{
	FakeProvider& provider = startProvider(testOptions());
	RawHttpGet stream(provider.port(), livePath(101));
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
	RawHttpGet stream(provider.port(), livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
}


void FakeProviderTest::testGarbage()
{
	FakeProvider& provider = startProvider(testOptions());
	provider.setGarbage(101, true);
	RawHttpGet stream(provider.port(), livePath(101));
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
			RawHttpGet stream(provider.port(), location.getPathAndQuery());
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
	RawHttpGet stream(provider.port(), livePath(101));
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
	RawHttpGet stream(provider.port(), livePath(101), "VLC/3.0.18 LibVLC/3.0.18");
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
	RawHttpGet slow(provider.port(), livePath(FakeProvider::CHANNEL_HD), "", 4096);
	RawHttpGet fast(provider.port(), livePath(FakeProvider::CHANNEL_HD));
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
		RawHttpGet stream(provider.port(), livePath(101));
		CPPUNIT_ASSERT_EQUAL(200, stream.status());
		if (i % 2 == 0) stream.readAtLeast(188, seconds(5));
		stream.socket().setLinger(true, 0); // abortive close (RST) every time
		stream.close();
		CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
	}
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(20), provider.stats().channels[101].total);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), provider.stats().channels[101].encoderStarts);
	RawHttpGet last(provider.port(), livePath(101));
	CPPUNIT_ASSERT(isMpegTs(last.readAtLeast(188 * 100, seconds(5))));
}


void FakeProviderTest::testStopIsPrompt()
{
	const int threadsBefore = countThreads();
	ProviderOptions options = testOptions();
	options.maxConnections = 3;
	options.encoderLinger = Poco::Timespan(60, 0);
	FakeProvider& provider = startProvider(options);
	RawHttpGet sd(provider.port(), livePath(101));
	RawHttpGet hd(provider.port(), livePath(103));
	provider.setGarbage(102, true);
	RawHttpGet garbage(provider.port(), livePath(102));
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
		RawHttpGet stream(port, livePath(101));
		stream.readAtLeast(188, seconds(5));
		provider.stop();
		CPPUNIT_ASSERT(stream.waitForEnd(seconds(1)));
	}
	CPPUNIT_ASSERT_THROW([&] { RawHttpGet refused(port, livePath(101)); }(), Poco::Net::NetException);
	provider.start();
	CPPUNIT_ASSERT_EQUAL(port, provider.port());
	RawHttpGet stream(port, livePath(101));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 20, seconds(5))));
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().channels[101].total);
}


void FakeProviderTest::testExecutable()
{
	const std::vector<std::string> args = {"--port", "0", "--username", "bench", "--password", "mark",
		"--max-connections", "2", "--channels", "100", "--duration", "20", "--hls", "1", "--gop-frames", "25"};
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
	RawHttpGet stream(base.getPort(), "/live/bench/mark/101.ts");
	CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 20, seconds(5))));
	RawHttpGet playlist(base.getPort(), "/live/bench/mark/102.m3u8");
	CPPUNIT_ASSERT_EQUAL(200, playlist.status());
	CPPUNIT_ASSERT(playlist.readAtLeast(80, seconds(5)).find("#EXT-X-TARGETDURATION:1\n") != std::string::npos);

	const Poco::Timestamp started;
	Poco::Process::requestTermination(handle.id());
	CPPUNIT_ASSERT_EQUAL(0, handle.wait());
	CPPUNIT_ASSERT_MESSAGE(Poco::format("exit took %Ld us", started.elapsed()), !started.isElapsed(2000000));
}



void FakeProviderTest::testCatalogMetadata()
{
	ProviderOptions options = testOptions();
	options.channelCount = 10;
	startProvider(options);
	Array::Ptr pStreams = parseArray(request("GET", apiPath("get_live_streams")).body);
	CPPUNIT_ASSERT_EQUAL(std::size_t(16), pStreams->size());
	const std::vector<std::string> builtInGuides = {"france2.fr", "teleocean.fr", "sportextreme.fr", "grandjournal.fr", "", "cinenuit.fr"};
	std::set<std::string> guideIds;
	for (unsigned i = 0; i < pStreams->size(); ++i)
	{
		Object::Ptr pStream = pStreams->getObject(i);
		CPPUNIT_ASSERT(pStream->get("num").isInteger());
		CPPUNIT_ASSERT_EQUAL(static_cast<int>(i) + 1, pStream->getValue<int>("num"));
		const std::string guideId = pStream->getValue<std::string>("epg_channel_id");
		if (i < builtInGuides.size())
		{
			CPPUNIT_ASSERT_EQUAL(builtInGuides[i], guideId);
		}
		else
		{
			CPPUNIT_ASSERT_EQUAL(Poco::format("synthetique%u.fr", i - 5), guideId);
			CPPUNIT_ASSERT_EQUAL(std::string(), pStream->getValue<std::string>("stream_icon"));
		}
		if (!guideId.empty()) CPPUNIT_ASSERT_MESSAGE(guideId, guideIds.insert(guideId).second);
	}
	CPPUNIT_ASSERT_EQUAL(_pProvider->baseUrl() + "/logos/105.png", pStreams->getObject(4)->getValue<std::string>("stream_icon"));

	// num is the channel's own number, not a position in the answer: the same under a filter.
	pStreams = parseArray(request("GET", apiPath("get_live_streams") + "&category_id=2").body);
	CPPUNIT_ASSERT_EQUAL(4, pStreams->getObject(0)->getValue<int>("num"));
	CPPUNIT_ASSERT_EQUAL(5, pStreams->getObject(1)->getValue<int>("num"));
	pStreams = parseArray(request("GET", apiPath("get_live_streams") + "&category_id=12").body);
	CPPUNIT_ASSERT_EQUAL(std::size_t(1), pStreams->size());
	CPPUNIT_ASSERT_EQUAL(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 2, pStreams->getObject(0)->getValue<int>("stream_id"));
	CPPUNIT_ASSERT_EQUAL(9, pStreams->getObject(0)->getValue<int>("num"));
	CPPUNIT_ASSERT_EQUAL(std::string("synthetique3.fr"), pStreams->getObject(0)->getValue<std::string>("epg_channel_id"));
}


void FakeProviderTest::testMillionChannelCatalog()
{
	ProviderOptions options = testOptions();
	options.channelCount = 1000000;
	const long residentBefore = memoryKb("VmRSS");
	FakeProvider& provider = startProvider(options);
	Poco::Net::HTTPClientSession session("127.0.0.1", provider.port());
	session.setTimeout(seconds(30));
	Poco::Net::HTTPRequest httpRequest("GET", apiPath("get_live_streams"), Poco::Net::HTTPMessage::HTTP_1_1);
	const Poco::Timestamp started;
	session.sendRequest(httpRequest);
	Poco::Net::HTTPResponse response;
	std::istream& body = session.receiveResponse(response);
	CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
	CPPUNIT_ASSERT(response.getChunkedTransferEncoding());

	// Count the entries as they arrive, keeping only the last one.
	const std::string marker = "{\"num\":";
	std::string window;
	std::size_t scanFrom = 0;
	std::size_t entries = 0;
	Poco::UInt64 bytes = 0;
	long residentPeak = residentBefore;
	char buffer[65536];
	for (int reads = 0; body.read(buffer, sizeof(buffer)) || body.gcount() > 0; ++reads)
	{
		bytes += static_cast<Poco::UInt64>(body.gcount());
		window.append(buffer, static_cast<std::size_t>(body.gcount()));
		for (std::size_t at = window.find(marker, scanFrom); at != std::string::npos; at = window.find(marker, at + 1)) ++entries;
		const std::size_t last = window.rfind(marker);
		window.erase(0, last == std::string::npos ? window.size() - std::min(window.size(), marker.size()) : last);
		scanFrom = last == std::string::npos ? 0 : 1;
		if (reads % 256 == 0) residentPeak = std::max(residentPeak, memoryKb("VmRSS"));
	}
	const double elapsed = static_cast<double>(started.elapsed()) / 1e6;
	residentPeak = std::max(residentPeak, memoryKb("VmRSS"));
	std::cout << Poco::format("\n  get_live_streams, 1 000 006 channels: %.1f MB in %.2f s, resident memory of the process +%ld MB at most\n",
		static_cast<double>(bytes) / 1e6, elapsed, (residentPeak - residentBefore) / 1024);
	CPPUNIT_ASSERT_EQUAL(std::size_t(1000006), entries);
	CPPUNIT_ASSERT_EQUAL(std::string("}]"), window.substr(window.size() - 2));
	Object::Ptr pLast = parseObject(window.substr(0, window.size() - 1));
	CPPUNIT_ASSERT_EQUAL(FakeProvider::FIRST_SYNTHETIC_CHANNEL + 999999, pLast->getValue<int>("stream_id"));
	CPPUNIT_ASSERT_EQUAL(1000006, pLast->getValue<int>("num"));
	CPPUNIT_ASSERT_EQUAL(std::string("synthetique1000000.fr"), pLast->getValue<std::string>("epg_channel_id"));
	// Neither the catalog nor the answer is held in memory (the answer alone is ~300 MB).
	checkMemoryGrowth(residentPeak - residentBefore);
}


void FakeProviderTest::testGuide()
{
	FakeProvider& provider = startProvider(testOptions());
	const std::string target = Poco::URI(provider.guideUrl()).getPathAndQuery();
	const auto fetch = [&](bool gzip, TestGuide& guide)
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", provider.port());
		session.setTimeout(seconds(10));
		Poco::Net::HTTPRequest httpRequest("GET", target, Poco::Net::HTTPMessage::HTTP_1_1);
		if (gzip) httpRequest.set("Accept-Encoding", "gzip, deflate");
		session.sendRequest(httpRequest);
		Poco::Net::HTTPResponse response;
		std::istream& body = session.receiveResponse(response);
		CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
		CPPUNIT_ASSERT_EQUAL(std::string("application/xml; charset=UTF-8"), response.getContentType());
		CPPUNIT_ASSERT(response.getChunkedTransferEncoding());
		CPPUNIT_ASSERT_EQUAL(gzip, response.get("Content-Encoding", "") == "gzip");
		if (!gzip) return guide.parse(body);
		Poco::InflatingInputStream inflater(body, Poco::InflatingStreamBuf::STREAM_GZIP);
		guide.parse(inflater);
	};

	TestGuide guide;
	fetch(false, guide);
	CPPUNIT_ASSERT_MESSAGE(guide.problems().empty() ? "" : guide.problems().front(), guide.problems().empty());
	const std::vector<std::string> ids = {"france2.fr", "teleocean.fr", "sportextreme.fr", "grandjournal.fr", "cinenuit.fr"};
	CPPUNIT_ASSERT_EQUAL(ids.size(), guide.channels().size());
	const Poco::Int64 now = Poco::Timestamp().epochTime();
	for (std::size_t i = 0; i < ids.size(); ++i)
	{
		const TestGuide::Channel& channel = guide.channels()[i];
		CPPUNIT_ASSERT_EQUAL(ids[i], channel.id);
		// From the start of the current hour, 24 h of programmes back to back.
		CPPUNIT_ASSERT(channel.firstStart <= now && channel.firstStart > now - 3600 - 5);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), channel.firstStart % 3600);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(24 * 3600), channel.lastStop - channel.firstStart);
		CPPUNIT_ASSERT(channel.programmes >= 12);
	}
	CPPUNIT_ASSERT_EQUAL(std::string("Le \"Grand\" Journal & Co \xF0\x9F\x93\xBA"), guide.channels()[3].name);
	CPPUNIT_ASSERT_EQUAL(provider.baseUrl() + "/logos/101.png", guide.channels()[0].icon);
	CPPUNIT_ASSERT_EQUAL(std::string(), guide.channels()[3].icon);
	CPPUNIT_ASSERT(guide.titles().count("Questions & Réponses"));
	CPPUNIT_ASSERT(guide.titles().count("Le \"Grand\" Débat"));
	CPPUNIT_ASSERT(guide.titles().count("Sport Extrême <Direct>"));

	const Reply raw = request("GET", target);
	CPPUNIT_ASSERT(raw.body.find("<!DOCTYPE tv SYSTEM \"xmltv.dtd\">") != std::string::npos);
	CPPUNIT_ASSERT(raw.body.find(">Questions &amp; Réponses<") != std::string::npos);
	CPPUNIT_ASSERT(raw.body.find(">Le &quot;Grand&quot; Débat<") != std::string::npos);
	CPPUNIT_ASSERT(raw.body.find(" +0100\"") != std::string::npos || raw.body.find(" +0200\"") != std::string::npos);

	TestGuide zipped;
	fetch(true, zipped);
	CPPUNIT_ASSERT(zipped.problems().empty());
	CPPUNIT_ASSERT_EQUAL(guide.channels().size(), zipped.channels().size());
	CPPUNIT_ASSERT_EQUAL(guide.programmes(), zipped.programmes());

	const Reply refused = request("GET", "/xmltv.php?username=demo-user&password=nope");
	CPPUNIT_ASSERT_EQUAL(401, refused.status);
	CPPUNIT_ASSERT(refused.body.empty());
	provider.setApiMode(ApiMode::EXPIRED);
	CPPUNIT_ASSERT_EQUAL(403, request("GET", target).status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(5), provider.stats().xmltvRequests);
}


void FakeProviderTest::testLargeGuide()
{
	FakeProvider& provider = startProvider(testOptions());
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?guide_channels=8000&guide_hours=24").status);
	const long residentBefore = memoryKb("VmRSS");
	Poco::Net::HTTPClientSession session("127.0.0.1", provider.port());
	session.setTimeout(seconds(30));
	Poco::Net::HTTPRequest httpRequest("GET", Poco::URI(provider.guideUrl()).getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
	const Poco::Timestamp started;
	session.sendRequest(httpRequest);
	Poco::Net::HTTPResponse response;
	Poco::CountingInputStream body(session.receiveResponse(response));
	TestGuide guide;
	guide.parse(body);
	const double elapsed = static_cast<double>(started.elapsed()) / 1e6;
	const long residentGrowth = memoryKb("VmHWM") - residentBefore;
	const double megabytes = static_cast<double>(body.chars()) / 1e6;
	std::cout << Poco::format("\n  xmltv.php, 8000 channels x 24 h: %.1f MB, %z programmes in %.2f s (%.0f MB/s, parsing included), peak memory +%ld MB\n",
		megabytes, guide.programmes(), elapsed, megabytes / elapsed, residentGrowth / 1024);
	CPPUNIT_ASSERT_MESSAGE(guide.problems().empty() ? "" : guide.problems().front(), guide.problems().empty());
	CPPUNIT_ASSERT_EQUAL(std::size_t(8000), guide.channels().size());
	CPPUNIT_ASSERT_EQUAL(std::string("guide8000.epg"), guide.channels().back().id);
	for (const auto& channel: guide.channels()) CPPUNIT_ASSERT_EQUAL(Poco::Int64(24 * 3600), channel.lastStop - channel.firstStart);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("%.1f MB", megabytes), megabytes > 50);
	checkMemoryGrowth(residentGrowth);
}


void FakeProviderTest::testFrameClock()
{
	const Poco::Int64 clock = 1796407200123; // 2026-12-04 18:40:00.123 UTC
	const Poco::Int64 halfPeriod = Poco::Int64(1) << (FrameClock::CLOCK_BITS - 1);
	for (const auto& size: std::vector<std::pair<int, int>>{{320, 180}, {640, 360}, {1280, 720}})
	{
		std::unique_ptr<AVFrame, void (*)(AVFrame*)> pFrame(av_frame_alloc(), [](AVFrame* p) { av_frame_free(&p); });
		pFrame->format = AV_PIX_FMT_YUV420P;
		pFrame->width = size.first;
		pFrame->height = size.second;
		CPPUNIT_ASSERT(av_frame_get_buffer(pFrame.get(), 0) >= 0);
		for (int plane = 0; plane < 3; ++plane)
		{
			const int rows = plane == 0 ? size.second : size.second / 2;
			for (int y = 0; y < rows; ++y) std::fill_n(pFrame->data[plane] + y * pFrame->linesize[plane], pFrame->linesize[plane], 128);
		}
		Poco::Int64 read = 0;
		CPPUNIT_ASSERT(!FrameClock::read(*pFrame, clock, read)); // a gray picture has no clock
		FrameClock::stamp(*pFrame, clock);
		CPPUNIT_ASSERT(FrameClock::read(*pFrame, clock + 5000, read));
		CPPUNIT_ASSERT_EQUAL(clock, read);
		// 40 bits wrap every 34.8 years: the reference time restores the bits above.
		CPPUNIT_ASSERT(FrameClock::read(*pFrame, clock + halfPeriod - 1, read));
		CPPUNIT_ASSERT_EQUAL(clock, read);
		CPPUNIT_ASSERT(FrameClock::read(*pFrame, clock - halfPeriod + 1, read));
		CPPUNIT_ASSERT_EQUAL(clock, read);
		const bool firstBit = (clock >> (FrameClock::CLOCK_BITS - 1)) & 1;
		CPPUNIT_ASSERT_EQUAL(std::uint8_t(firstBit ? FrameClock::LUMA_WHITE : FrameClock::LUMA_BLACK), pFrame->data[0][0]);

		// One cell flipped (the check byte disagrees) or gray (neither black nor white): no clock.
		std::uint8_t* pCell = pFrame->data[0] + (size.second / 27) * pFrame->linesize[0] + 7 * size.first / 24 + size.first / 48;
		const std::uint8_t original = *pCell;
		const int cellWidth = size.first / 24;
		const auto paint = [&](std::uint8_t luma)
		{
			for (int y = 0; y < 2 * size.second / 27; ++y)
				std::fill_n(pFrame->data[0] + y * pFrame->linesize[0] + 7 * size.first / 24, cellWidth, luma);
		};
		paint(original == FrameClock::LUMA_BLACK ? FrameClock::LUMA_WHITE : FrameClock::LUMA_BLACK);
		CPPUNIT_ASSERT(!FrameClock::read(*pFrame, clock, read));
		paint(128);
		CPPUNIT_ASSERT(!FrameClock::read(*pFrame, clock, read));
		paint(original);
		CPPUNIT_ASSERT(FrameClock::read(*pFrame, clock, read));
	}
}


void FakeProviderTest::testGopAndClockInStream()
{
	ProviderOptions options = testOptions();
	options.maxConnections = 2;
	FakeProvider& provider = startProvider(options);
	CPPUNIT_ASSERT_EQUAL(50, provider.gopFrames());
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?gop_frames=25").status);
	CPPUNIT_ASSERT_EQUAL(25, provider.gopFrames());

	TestVideoReader reader(provider.streamUrl(FakeProvider::CHANNEL_SMALL), seconds(5));
	std::vector<TestVideoReader::Frame> frames;
	for (int i = 0; i < 150; ++i) frames.push_back(reader.next());

	// A keyframe every 25 frames (1 s at 25 fps), no other.
	std::vector<std::size_t> keyframes;
	for (std::size_t i = 0; i < frames.size(); ++i)
	{
		if (frames[i].keyframe) keyframes.push_back(i);
	}
	CPPUNIT_ASSERT(keyframes.size() >= 5);
	for (std::size_t k = 1; k < keyframes.size(); ++k) CPPUNIT_ASSERT_EQUAL(std::size_t(25), keyframes[k] - keyframes[k - 1]);

	// Every frame carries the wall clock of its encoding, rising by a frame's time.
	for (std::size_t i = 0; i < frames.size(); ++i)
	{
		CPPUNIT_ASSERT_MESSAGE(Poco::format("frame %z has no clock", i), frames[i].hasClock);
		if (i > 0) CPPUNIT_ASSERT_MESSAGE(Poco::format("frame %z", i), frames[i].clockMs > frames[i - 1].clockMs);
	}
	const double step = static_cast<double>(frames.back().clockMs - frames.front().clockMs) / static_cast<double>(frames.size() - 1);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("%.1f ms per frame", step), step > 30 && step < 50);

	// Once the reader has caught up with the live point (the first frames come out of the probe's
	// backlog), decoding time minus burned-in time is the pipeline's delay. The fake adds ~1 ms;
	// libavformat adds two frames (80 ms): the mpegts demuxer hands a video PES (of unbounded
	// length) over when the next one starts, and the h264 parser an access unit when the next begins.
	const Poco::Int64 expectedDelay = 80;
	std::vector<Poco::Int64> delays;
	for (std::size_t i = 50; i < frames.size(); ++i) delays.push_back(frames[i].decodedMs - frames[i].clockMs);
	std::sort(delays.begin(), delays.end());
	const Poco::Int64 median = delays[delays.size() / 2];
	std::cout << Poco::format("\n  frame clock: encode to decode %Ld ms median (min %Ld, max %Ld) over %z frames, %.2f ms per frame\n",
		median, delays.front(), delays.back(), delays.size(), step);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("median delay %Ld ms", median), std::abs(median - expectedDelay) <= 100);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("a clock %Ld ms in the future", -delays.front()), delays.front() >= -5);

	// A change applies to the running encoder.
	provider.setGopFrames(10);
	std::vector<std::size_t> later;
	for (std::size_t i = 0; i < 60; ++i)
	{
		if (reader.next().keyframe) later.push_back(i);
	}
	CPPUNIT_ASSERT(later.size() >= 4);
	for (std::size_t k = 2; k < later.size(); ++k) CPPUNIT_ASSERT_EQUAL(std::size_t(10), later[k] - later[k - 1]);

	// The clock survives the encoding of the other profiles too.
	TestVideoReader hd(provider.streamUrl(FakeProvider::CHANNEL_HD), seconds(5));
	for (int i = 0; i < 25; ++i) CPPUNIT_ASSERT(hd.next().hasClock);
}


void FakeProviderTest::testHls()
{
	ProviderOptions options = testOptions();
	options.gopFrames = 25;
	FakeProvider& provider = startProvider(options);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", hlsPath(101)).status);
	CPPUNIT_ASSERT(allowedOutputFormats() == std::vector<std::string>{"ts"});
	provider.setHlsEnabled(true);
	CPPUNIT_ASSERT(allowedOutputFormats() == (std::vector<std::string>{"m3u8", "ts"}));
	CPPUNIT_ASSERT_EQUAL(401, request("GET", "/live/demo-user/wrong/101.m3u8").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", hlsPath(FakeProvider::CHANNEL_OFFLINE)).status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/live/demo-user/s3cret-Pa55/9999.m3u8").status);

	const Reply first = request("GET", hlsPath(101));
	CPPUNIT_ASSERT_EQUAL(200, first.status);
	CPPUNIT_ASSERT_EQUAL(std::string("application/vnd.apple.mpegurl"), first.contentType);
	const std::string head = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.000,\n";
	CPPUNIT_ASSERT_EQUAL(head, first.body.substr(0, head.size()));
	CPPUNIT_ASSERT(first.body.find("#EXT-X-ENDLIST") == std::string::npos);
	CPPUNIT_ASSERT(first.body.find("s3cret") == std::string::npos && first.body.find("demo-user") == std::string::npos);
	std::vector<std::string> uris = playlistUris(first.body);
	CPPUNIT_ASSERT(!uris.empty());
	for (const auto& uri: uris) CPPUNIT_ASSERT_MESSAGE(uri, uri.compare(0, 5, "/hls/") == 0 && uri.size() > 5 + 33 + 3);

	// A segment is a GOP: the tables (SDT, PAT, PMT) first, then the keyframe.
	const Reply segment = request("GET", uris.front());
	CPPUNIT_ASSERT_EQUAL(200, segment.status);
	CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), segment.contentType);
	CPPUNIT_ASSERT(isMpegTs(segment.body));
	CPPUNIT_ASSERT(TsHeader(segment.body.data()).pid < VIDEO_PID);
	bool patFirst = false;
	for (std::size_t offset = 0; offset < segment.body.size(); offset += 188)
	{
		const TsHeader packet(segment.body.data() + offset);
		patFirst = patFirst || packet.pid == 0;
		if (packet.pid != VIDEO_PID) continue;
		CPPUNIT_ASSERT(patFirst && packet.payloadStart && packet.randomAccess());
		break;
	}
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/hls/" + uris.front().substr(5, 32) + "/999999.ts").status);
	CPPUNIT_ASSERT_EQUAL(403, request("GET", "/hls/0123456789ABCDEF0123456789ABCDEF/0.ts").status);

	// A sliding window: the media sequence rises, at most five segments listed.
	Reply latest;
	CPPUNIT_ASSERT(waitFor([&]
	{
		Poco::Thread::sleep(500);
		latest = request("GET", hlsPath(101));
		return mediaSequence(latest.body) > 0;
	}, seconds(15)));
	CPPUNIT_ASSERT_EQUAL(std::size_t(5), playlistUris(latest.body).size());
	CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());
	const fakeprovider::ProviderStats stats = provider.stats();
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), stats.channels.at(101).total);
	CPPUNIT_ASSERT_EQUAL(1, stats.channels.at(101).open);
	CPPUNIT_ASSERT(stats.channels.at(101).hlsPlaylistRequests >= 3);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), stats.channels.at(101).hlsSegmentRequests);
	Object::Ptr pStats = parseObject(request("GET", "/_stats").body)->getObject("channels")->getObject("101");
	CPPUNIT_ASSERT_EQUAL(static_cast<int>(stats.channels.at(101).hlsPlaylistRequests), pStats->getValue<int>("hls_playlist_requests"));

	// A real HLS client plays it.
	Array::Ptr pStreams = probe(provider.hlsUrl(101))->getArray("streams");
	CPPUNIT_ASSERT_EQUAL(std::string("h264"), streamOfType(pStreams, "video")->getValue<std::string>("codec_name"));
	CPPUNIT_ASSERT_EQUAL(std::string("aac"), streamOfType(pStreams, "audio")->getValue<std::string>("codec_name"));

	// Off again: 404, and the viewer is gone with its slot.
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?hls=0").status);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", hlsPath(101)).status);
	CPPUNIT_ASSERT_EQUAL(0, provider.activeConnections());
}


void FakeProviderTest::testHlsViewerSlot()
{
	ProviderOptions options = testOptions();
	options.hls = true;
	FakeProvider& provider = startProvider(options);
	CPPUNIT_ASSERT_EQUAL(std::string("m3u8"), allowedOutputFormats().front());
	CPPUNIT_ASSERT_EQUAL(200, request("GET", hlsPath(101)).status);
	CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());
	CPPUNIT_ASSERT_EQUAL(403, request("GET", livePath(102)).status);  // the viewer holds the only slot
	CPPUNIT_ASSERT_EQUAL(403, request("GET", hlsPath(102)).status);   // so would another channel's viewer
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), provider.stats().streamRefused);

	// Polling keeps it; silence ends it two target durations (at least 4 s) after the last request.
	for (int i = 0; i < 5; ++i)
	{
		Poco::Thread::sleep(1000);
		CPPUNIT_ASSERT_EQUAL(200, request("GET", hlsPath(101)).status);
		CPPUNIT_ASSERT_EQUAL(1, provider.activeConnections());
	}
	const Poco::Timestamp silent;
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(10)));
	const double held = static_cast<double>(silent.elapsed()) / 1e6;
	std::cout << Poco::format("\n  HLS viewer slot released %.2f s after the last request\n", held);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("released after %.2f s", held), held > 3.8);
	CPPUNIT_ASSERT_EQUAL(0, provider.stats().channels[101].open);
	RawHttpGet stream(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
}


void FakeProviderTest::testHlsLoop()
{
	ProviderOptions options = testOptions();
	options.hls = true;
	options.gopFrames = 25;
	FakeProvider& provider = startProvider(options);
	CPPUNIT_ASSERT_EQUAL(200, request("GET", hlsPath(101)).status);
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?channel=101&hls_loop=1").status);
	CPPUNIT_ASSERT(provider.effectiveFaults(101).hlsLoop);
	const Reply frozen = request("GET", hlsPath(101));
	CPPUNIT_ASSERT_EQUAL(200, frozen.status);
	for (int i = 0; i < 4; ++i)
	{
		Poco::Thread::sleep(1000);
		CPPUNIT_ASSERT_EQUAL(frozen.body, request("GET", hlsPath(101)).body);
	}
	for (const auto& uri: playlistUris(frozen.body)) CPPUNIT_ASSERT_EQUAL(200, request("GET", uri).status);
	Object::Ptr pStats = parseObject(request("GET", "/_stats").body)->getObject("channels")->getObject("101");
	CPPUNIT_ASSERT_EQUAL(6, pStats->getValue<int>("hls_playlist_requests"));

	provider.setHlsLoop(101, false);
	const Reply live = request("GET", hlsPath(101));
	CPPUNIT_ASSERT(live.body != frozen.body);
	const std::vector<std::string> frozenUris = playlistUris(frozen.body);
	const std::vector<std::string> liveUris = playlistUris(live.body);
	CPPUNIT_ASSERT(liveUris.back() != frozenUris.back());
	CPPUNIT_ASSERT(mediaSequence(live.body) + static_cast<Poco::Int64>(liveUris.size()) > mediaSequence(frozen.body) + static_cast<Poco::Int64>(frozenUris.size()) + 2);
}


void FakeProviderTest::testBitRate()
{
	FakeProvider& provider = startProvider(testOptions());
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?channel=105&bitrate_mbps=40").status);
	CPPUNIT_ASSERT_EQUAL(40, provider.effectiveFaults(105).bitRateMbps);
	CPPUNIT_ASSERT_EQUAL(0, provider.effectiveFaults(101).bitRateMbps);
	CPPUNIT_ASSERT_THROW(provider.setBitRate(105, 1001), Poco::InvalidArgumentException);
	{
		// Every frame is 40 Mbit/s / 25 fps = 200 000 bytes, and still decodes with its clock.
		TestVideoReader reader(provider.streamUrl(105), seconds(5));
		for (int i = 0; i < 50; ++i)
		{
			const TestVideoReader::Frame frame = reader.next();
			CPPUNIT_ASSERT_MESSAGE(Poco::format("frame %d: %d bytes", i, frame.packetSize), frame.packetSize >= 200000);
			CPPUNIT_ASSERT(frame.hasClock);
		}
	}
	CPPUNIT_ASSERT(waitFor([&] { return provider.activeConnections() == 0; }, seconds(2)));
	RawHttpGet stream(provider.port(), livePath(105));
	CPPUNIT_ASSERT(isMpegTs(stream.readAtLeast(188 * 1000, seconds(5))));
	std::string data;
	const Poco::Timestamp started;
	while (!started.isElapsed(2000000)) stream.read(data, 65536, Poco::Timespan(0, 50000));
	std::cout << Poco::format("\n  bitrate_mbps=40: %.1f Mbit/s received\n", static_cast<double>(data.size()) * 8 / 1e6 / (static_cast<double>(started.elapsed()) / 1e6));
}


void FakeProviderTest::testOversizedPes()
{
	FakeProvider& provider = startProvider(testOptions());
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?channel=102&oversized_pes=1").status);
	RawHttpGet stream(provider.port(), livePath(102));
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	const Poco::Timestamp connected;

	int normalStarts = 0;
	int startsAfter = 0;
	bool giant = false;
	double giantAt = 0;
	Poco::UInt64 giantPayload = 0;
	int audioAfter = 0;
	int pcrAfter = 0;
	int continuityErrors = 0;
	bool outOfSync = false;
	std::map<int, int> lastContinuity;
	std::string pending;
	const auto analyse = [&](bool checkContinuity)
	{
		std::size_t offset = 0;
		for (; offset + 188 <= pending.size(); offset += 188)
		{
			const char* pPacket = pending.data() + offset;
			if (static_cast<unsigned char>(pPacket[0]) != 0x47) outOfSync = true;
			const TsHeader packet(pPacket);
			if (packet.hasPayload)
			{
				auto it = lastContinuity.find(packet.pid);
				if (checkContinuity && it != lastContinuity.end() && packet.continuity != ((it->second + 1) & 0x0F)) ++continuityErrors;
				lastContinuity[packet.pid] = packet.continuity;
			}
			if (giant && packet.pid == AUDIO_PID) ++audioAfter;
			if (packet.pid != VIDEO_PID) continue;
			if (packet.payloadStart)
			{
				// The giant PES: unbounded length, an access unit delimiter, then a filler NAL unit (type 12).
				const unsigned char* pPes = packet.pData + packet.payloadOffset;
				const int headerLength = 9 + pPes[8];
				const bool filler = pPes[4] == 0 && pPes[5] == 0 && pPes[headerLength + 4] == 9 && pPes[headerLength + 10] == 12;
				if (filler && !giant)
				{
					giant = true;
					giantAt = static_cast<double>(connected.elapsed()) / 1e6;
				}
				else if (giant) ++startsAfter;
				else ++normalStarts;
			}
			else if (giant)
			{
				giantPayload += static_cast<Poco::UInt64>(188 - packet.payloadOffset);
				if (packet.hasPcr()) ++pcrAfter;
			}
		}
		pending.erase(0, offset);
	};
	while (!connected.isElapsed(6000000))
	{
		stream.read(pending, 1 << 20, Poco::Timespan(0, 50000));
		analyse(true);
	}
	std::cout << Poco::format("\n  oversized PES: starts %.2f s after connecting, %.1f MB of one PES 3 s later\n", giantAt, static_cast<double>(giantPayload) / 1e6);
	CPPUNIT_ASSERT(!outOfSync);
	CPPUNIT_ASSERT_EQUAL(0, continuityErrors);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("%d normal video PES", normalStarts), normalStarts >= 50);
	CPPUNIT_ASSERT(giant);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("giant PES after %.2f s", giantAt), giantAt >= 2.9);
	CPPUNIT_ASSERT_EQUAL(0, startsAfter);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("%Lu bytes", giantPayload), giantPayload > 5000000);
	CPPUNIT_ASSERT(audioAfter > 20);
	CPPUNIT_ASSERT(pcrAfter > 10);

	// Cleared: the encoder's next PES start ends the giant one.
	provider.setOversizedPes(102, false);
	const Poco::Timestamp cleared;
	while (startsAfter == 0 && !cleared.isElapsed(3000000))
	{
		stream.read(pending, 1 << 20, Poco::Timespan(0, 50000));
		analyse(false);
	}
	CPPUNIT_ASSERT(startsAfter > 0);
}


void FakeProviderTest::testCatalogDrip()
{
	FakeProvider& provider = startProvider(testOptions());
	const std::string normal = request("GET", apiPath()).body;
	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?catalog_drip_ms=50").status);
	RawHttpGet stream(provider.port(), apiPath());
	CPPUNIT_ASSERT_EQUAL(200, stream.status());
	const std::size_t length = std::stoul(stream.header("content-length"));
	std::string data;
	std::size_t reads = 0;
	std::size_t largest = 0;
	const Poco::Timestamp started;
	while (!started.isElapsed(1000000))
	{
		const std::size_t n = stream.read(data, 65536, Poco::Timespan(0, 100000));
		if (n == 0) continue;
		++reads;
		largest = std::max(largest, n);
	}
	// Each read sees progress, a byte or two at a time: the whole answer would take length x 50 ms.
	std::cout << Poco::format("\n  catalog_drip_ms=50: %z bytes in %z reads in 1 s, of %z\n", data.size(), reads, length);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("%z reads", reads), reads >= 5);
	CPPUNIT_ASSERT_MESSAGE(Poco::format("%z bytes in one read", largest), largest <= 4);
	CPPUNIT_ASSERT(data.size() < length / 4);
	CPPUNIT_ASSERT(!stream.ended());
	CPPUNIT_ASSERT_EQUAL(normal.substr(0, 20), data.substr(0, 20));

	// A chunked catalog answer drips too, and arrives whole.
	provider.setCatalogDrip(Poco::Timespan(0, 1000));
	CPPUNIT_ASSERT_EQUAL(std::size_t(3), parseArray(request("GET", apiPath("get_live_categories")).body)->size());

	// Stopping does not wait for a dripping answer.
	provider.setCatalogDrip(Poco::Timespan(10, 0));
	RawHttpGet slow(provider.port(), apiPath("get_live_streams"));
	const Poco::Timestamp stopping;
	provider.stop();
	CPPUNIT_ASSERT_MESSAGE(Poco::format("stop took %Ld us", stopping.elapsed()), !stopping.isElapsed(1000000));
}


void FakeProviderTest::testControlApiNewSwitches()
{
	FakeProvider& provider = startProvider(testOptions());
	Reply reply = request("POST", "/_control?channel=103&bitrate_mbps=20&oversized_pes=1&hls_loop=1");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	const fakeprovider::ChannelFaults faults = provider.channelFaults(103);
	CPPUNIT_ASSERT_EQUAL(20, faults.bitRateMbps);
	CPPUNIT_ASSERT(faults.oversizedPes && faults.hlsLoop);
	Object::Ptr pFaults = parseObject(reply.body)->getObject("faults")->getObject("103");
	CPPUNIT_ASSERT_EQUAL(20, pFaults->getValue<int>("bitrate_mbps"));
	CPPUNIT_ASSERT(pFaults->getValue<bool>("oversized_pes") && pFaults->getValue<bool>("hls_loop"));

	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control?catalog_drip_ms=5&gop_frames=25&hls=1&guide_channels=7&guide_hours=48").status);
	CPPUNIT_ASSERT_EQUAL(25, provider.gopFrames());
	CPPUNIT_ASSERT(provider.hlsEnabled());
	Object::Ptr pSettings = parseObject(request("GET", "/_control").body);
	CPPUNIT_ASSERT_EQUAL(5, pSettings->getValue<int>("catalog_drip_ms"));
	CPPUNIT_ASSERT_EQUAL(25, pSettings->getValue<int>("gop_frames"));
	CPPUNIT_ASSERT(pSettings->getValue<bool>("hls"));
	CPPUNIT_ASSERT_EQUAL(7, pSettings->getValue<int>("guide_channels"));
	CPPUNIT_ASSERT_EQUAL(48, pSettings->getValue<int>("guide_hours"));
	TestGuide guide;
	std::istringstream guideText(request("GET", Poco::URI(provider.guideUrl()).getPathAndQuery()).body);
	guide.parse(guideText);
	CPPUNIT_ASSERT_EQUAL(std::size_t(7), guide.channels().size());
	CPPUNIT_ASSERT_EQUAL(Poco::Int64(48 * 3600), guide.channels().back().lastStop - guide.channels().back().firstStart);

	for (const char* bad: {"gop_frames=0", "gop_frames=251", "bitrate_mbps=1001", "guide_hours=0", "guide_channels=-1",
		"hls=2", "catalog_drip_ms=-5", "channel=103&oversized_pes=maybe"})
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, 400, request("POST", std::string("/_control?max_connections=9&") + bad).status);
	}
	CPPUNIT_ASSERT_EQUAL(1, provider.maxConnections()); // nothing changed
	CPPUNIT_ASSERT_EQUAL(25, provider.gopFrames());
	CPPUNIT_ASSERT_THROW(provider.setGopFrames(0), Poco::InvalidArgumentException);
	CPPUNIT_ASSERT_THROW(provider.setGuideSize(1, 0), Poco::InvalidArgumentException);
	CPPUNIT_ASSERT_THROW(provider.setCatalogDrip(Poco::Timespan(-1)), Poco::InvalidArgumentException);

	CPPUNIT_ASSERT_EQUAL(200, request("POST", "/_control/reset").status);
	CPPUNIT_ASSERT_EQUAL(50, provider.gopFrames());
	CPPUNIT_ASSERT(!provider.hlsEnabled());
	CPPUNIT_ASSERT(provider.channelFaults(103) == fakeprovider::ChannelFaults());
	pSettings = parseObject(request("GET", "/_control").body);
	CPPUNIT_ASSERT_EQUAL(0, pSettings->getValue<int>("catalog_drip_ms"));
	CPPUNIT_ASSERT_EQUAL(0, pSettings->getValue<int>("guide_channels"));
	CPPUNIT_ASSERT_EQUAL(24, pSettings->getValue<int>("guide_hours"));
}


void FakeProviderTest::testLogos()
{
	ProviderOptions options = testOptions();
	options.logoUrls[FakeProvider::CHANNEL_MP2] = "http://elsewhere.example/102.png";
	options.logoBodies[FakeProvider::CHANNEL_HD] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
	FakeProvider& provider = startProvider(options);
	const Array::Ptr pStreams = parseArray(request("GET", apiPath("get_live_streams")).body);
	CPPUNIT_ASSERT_EQUAL(provider.baseUrl() + "/logos/101.png", pStreams->getObject(0)->getValue<std::string>("stream_icon"));
	CPPUNIT_ASSERT_EQUAL(std::string("http://elsewhere.example/102.png"), pStreams->getObject(1)->getValue<std::string>("stream_icon"));
	CPPUNIT_ASSERT_EQUAL(provider.baseUrl() + "/logos/103.png", pStreams->getObject(2)->getValue<std::string>("stream_icon"));

	const Reply png = request("GET", "/logos/101.png");
	CPPUNIT_ASSERT_EQUAL(std::string("\x89PNG"), png.body.substr(0, 4));
	const Reply svg = request("GET", "/logos/103.png");
	CPPUNIT_ASSERT_EQUAL(200, svg.status);
	CPPUNIT_ASSERT_EQUAL(std::string("image/png"), svg.contentType);
	CPPUNIT_ASSERT_EQUAL(options.logoBodies[FakeProvider::CHANNEL_HD], svg.body);
	CPPUNIT_ASSERT_EQUAL(404, request("GET", "/logos/104.png").status);
	CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), provider.stats().logoRequests);
	CPPUNIT_ASSERT_EQUAL(3, parseObject(request("GET", "/_stats").body)->getValue<int>("logo_requests"));
}


void FakeProviderTest::testFileChannel()
{
	Poco::TemporaryFile path;
	std::string content;
	for (int packet = 0; packet < 400; ++packet)
	{
		content += '\x47';
		content += std::string(187, static_cast<char>(packet));
	}
	{
		std::ofstream file(path.path(), std::ios::binary);
		file << content;
	}
	ProviderOptions options = testOptions();
	options.fileChannels[900] = {path.path(), 150000}; // about half a second
	startProvider(options);
	const Array::Ptr pStreams = parseArray(request("GET", apiPath("get_live_streams")).body);
	bool listed = false;
	for (std::size_t i = 0; i < pStreams->size(); ++i)
	{
		if (pStreams->getObject(static_cast<unsigned>(i))->getValue<int>("stream_id") != 900) continue;
		listed = true;
		CPPUNIT_ASSERT_EQUAL(std::string("File 900"), pStreams->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
	}
	CPPUNIT_ASSERT_MESSAGE("the file channel is in the catalog", listed);
	const Poco::Timestamp asked;
	const Reply stream = request("GET", livePath(900));
	CPPUNIT_ASSERT_EQUAL(200, stream.status);
	CPPUNIT_ASSERT_EQUAL(std::string("video/mp2t"), stream.contentType);
	CPPUNIT_ASSERT_MESSAGE("the file, whole, then the end of the connection", stream.body == content);
	CPPUNIT_ASSERT_MESSAGE("paced at its byte rate", asked.elapsed() > 400000);
}


CPPUNIT_TEST_SUITE_REGISTRATION(FakeProviderTest);
