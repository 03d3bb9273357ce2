//
// RestartTest.cpp
//
// The desired live state survives a restart of the real executable, clean
// (SIGTERM) or not (kill -9): the channel comes back by itself, and the
// provider's slot still held for the dead process is waited for.
//

#include "FreePort.h"
#include "HostFixture.h"
#include "fakeprovider/FakeProvider.h"
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <csignal>
#include <future>
#include <iostream>
#include <memory>
#include <thread>

using restream::test::freePort;

namespace {

const std::string adminPassword = "restart-test-password";

struct Answer
{
	int status = 0;
	std::string body;
};

Answer call(unsigned short port, const std::string& method, const std::string& path, const std::string& body = "", const std::string& token = "")
{
	Answer answer;
	try
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", port);
		session.setTimeout(Poco::Timespan(5, 0));
		Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
		if (!token.empty()) request.set("Authorization", "Bearer " + token);
		if (method == "POST")
		{
			request.setContentType("application/json");
			request.setContentLength(static_cast<std::streamsize>(body.size()));
		}
		session.sendRequest(request) << body;
		Poco::Net::HTTPResponse response;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), answer.body);
		answer.status = response.getStatus();
	}
	catch (const Poco::Exception&)
	{
		answer.status = 0;
	}
	return answer;
}

class Restream
	/// The real executable on an ephemeral API port, its output collected.
{
public:
	Restream(const std::vector<std::string>& arguments, const Poco::Process::Env& environment):
		_out(),
		_process(Poco::Process::launch(RESTREAM_TEST_BINARY, arguments, "", nullptr, &_out, &_out, environment))
	{
		_output = std::async(std::launch::async, [this] {
			Poco::PipeInputStream stream(_out);
			std::string text;
			Poco::StreamCopier::copyToString(stream, text);
			return text;
		});
	}

	int stop(int signal)
	{
		::kill(_process.id(), signal);
		return _process.wait();
	}

	std::string output()
	{
		return _output.get();
	}

private:
	Poco::Pipe _out;
	Poco::ProcessHandle _process;
	std::future<std::string> _output;
};

} // namespace

class RestartTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RestartTest);
	CPPUNIT_TEST(testLiveAgainAfterKill9);
	CPPUNIT_TEST(testLiveAgainAfterCleanRestartAndNotAfterStop);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		fakeprovider::ProviderOptions options;
		options.slotReleaseDelay = Poco::Timespan(2, 0); // the provider notices the dead connection late, like real panels
		_provider.reset(new fakeprovider::FakeProvider(options));
		_provider->start();
		_stateDir = Poco::TemporaryFile::tempName();
		_port = freePort();
	}

	void tearDown() override
	{
		_provider.reset();
		Poco::File(_stateDir).remove(true);
	}

	void testLiveAgainAfterKill9()
	{
		auto first = launch();
		const std::string token = signIn();
		CPPUNIT_ASSERT_EQUAL(200, call(_port, "POST", "/start_stream", "{\"stream_id\": 101}", token).status);
		CPPUNIT_ASSERT_MESSAGE("first run never live", waitForLive(30));
		first->stop(SIGKILL);
		first->output();

		const auto restarted = std::chrono::steady_clock::now();
		auto second = launch();
		const bool live = waitForLive(40);
		std::cout << "\n[figure] kill -9, restart to live again: "
				  << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - restarted).count() << " ms" << std::endl;
		second->stop(SIGTERM);
		const std::string log = second->output();
		CPPUNIT_ASSERT_MESSAGE(log, live);
		CPPUNIT_ASSERT_MESSAGE(log, log.find("channel 101 restored after a restart") != std::string::npos);
	}

	void testLiveAgainAfterCleanRestartAndNotAfterStop()
	{
		auto first = launch();
		std::string token = signIn();
		CPPUNIT_ASSERT_EQUAL(200, call(_port, "POST", "/start_stream", "{\"stream_id\": 105}", token).status);
		CPPUNIT_ASSERT(waitForLive(30));
		CPPUNIT_ASSERT_EQUAL(0, first->stop(SIGTERM));
		first->output();

		auto second = launch();
		CPPUNIT_ASSERT(waitForLive(40));
		token = signIn();
		CPPUNIT_ASSERT_EQUAL(200, call(_port, "POST", "/stop_stream", "", token).status);
		CPPUNIT_ASSERT_EQUAL(0, second->stop(SIGTERM));
		second->output();

		// stopped by the admin: a restart leaves it stopped
		auto third = launch();
		std::this_thread::sleep_for(std::chrono::seconds(3));
		const Answer answer = call(_port, "GET", "/stream_status");
		third->stop(SIGTERM);
		const std::string log = third->output();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body + "\n" + log, 200, answer.status);
		auto status = Poco::JSON::Parser().parse(answer.body).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT(!status->getValue<bool>("active"));
		CPPUNIT_ASSERT_MESSAGE(log, log.find("restored after a restart") == std::string::npos);
	}

private:
	std::unique_ptr<Restream> launch()
	{
		const auto& options = _provider->options();
		// credentials travel in the environment, as the original's variables, never in process arguments
		const Poco::Process::Env environment = {{"XTREAM_API_URL", _provider->baseUrl()}, {"XTREAM_USERNAME", options.username},
			{"XTREAM_PASSWORD", options.password}, {"ADMIN_PASSWORD_HASH", restream::test::HostFixture::passwordHash(adminPassword)}};
		std::unique_ptr<Restream> process(new Restream({"--config", RESTREAM_SOURCE_DIR "/etc/restream.ini", "--define", "state.dir=" + _stateDir,
			"--define", "http.ports=api", "--define", "http.api.address=127.0.0.1", "--define", "http.api.port=" + std::to_string(_port),
			"--define", "plugins.load=auth-jwt, source-xtream, output-hls", "--define", "live.retryDelay=500", "--define", "live.maxRetryDelay=3"},
			environment));
		for (int attempt = 0; attempt < 100 && call(_port, "GET", "/health").status != 200; ++attempt)
			std::this_thread::sleep_for(std::chrono::milliseconds(100));
		return process;
	}

	std::string signIn()
	{
		const Answer answer = call(_port, "POST", "/auth/login", "{\"username\": \"admin\", \"password\": \"" + adminPassword + "\"}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
		return Poco::JSON::Parser().parse(answer.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("access_token");
	}

	bool waitForLive(int seconds)
	{
		const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
		while (std::chrono::steady_clock::now() < until)
		{
			const Answer answer = call(_port, "GET", "/stream_status");
			if (answer.status == 200 && answer.body.find("\"state\":\"live\"") != std::string::npos) return true;
			std::this_thread::sleep_for(std::chrono::milliseconds(200));
		}
		return false;
	}

	std::unique_ptr<fakeprovider::FakeProvider> _provider;
	std::string _stateDir;
	unsigned short _port = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(RestartTest);
