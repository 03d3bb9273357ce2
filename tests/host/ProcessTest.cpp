//
// ProcessTest.cpp
//
// The real restream executable: its command line, a clean stop on SIGTERM,
// and `restream hash-password`.
//

#include "FreePort.h"
#include "TextSearch.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/File.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <crypt.h>
#include <csignal>
#include <future>
#include <memory>
#include <thread>

using restream::test::contains;
using restream::test::freePort;

namespace {

struct Run
{
	int status;
	std::string output;
};

Run runRestream(const std::vector<std::string>& arguments, const std::string& input = "")
{
	Poco::Pipe in, out;
	Poco::ProcessHandle process = Poco::Process::launch(RESTREAM_TEST_BINARY, arguments, &in, &out, &out);
	Poco::PipeOutputStream toProcess(in);
	toProcess << input;
	toProcess.close();
	Poco::PipeInputStream fromProcess(out);
	std::string output;
	Poco::StreamCopier::copyToString(fromProcess, output);
	return Run{process.wait(), output};
}

int healthStatus(unsigned short port)
{
	try
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", port);
		session.setTimeout(Poco::Timespan(2, 0));
		Poco::Net::HTTPRequest request("GET", "/health");
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::string body;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
		return response.getStatus();
	}
	catch (const Poco::Exception&)
	{
		return 0;
	}
}

} // namespace

class ProcessTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ProcessTest);
	CPPUNIT_TEST(testVersionAndHelp);
	CPPUNIT_TEST(testRunsAndStopsCleanlyOnSigterm);
	CPPUNIT_TEST(testMissingConfigFileIsAClearError);
	CPPUNIT_TEST(testHashPassword);
	CPPUNIT_TEST(testHashPasswordRefusesShortPassword);
	CPPUNIT_TEST_SUITE_END();

public:
	void testVersionAndHelp()
	{
		const Run version = runRestream({"--version"});
		CPPUNIT_ASSERT_EQUAL(0, version.status);
		CPPUNIT_ASSERT_MESSAGE(version.output, contains(version.output, "restream " RESTREAM_VERSION " (plugin API 2.1; gcc-"));
		const Run help = runRestream({"--help"});
		CPPUNIT_ASSERT_EQUAL(0, help.status);
		for (const char* option : {"--config", "--define", "--plugin-dir", "--version", "RESTREAM_STATE_DIR", "hash-password"})
			CPPUNIT_ASSERT_MESSAGE(option, contains(help.output, option));
	}

	void testRunsAndStopsCleanlyOnSigterm()
	{
		const std::string stateDir = Poco::TemporaryFile::tempName();
		const unsigned short api = freePort(), admin = freePort(), player = freePort(), tuner = freePort();
		std::vector<std::string> arguments = {"--config", RESTREAM_SOURCE_DIR "/etc/restream.ini", "--define", "state.dir=" + stateDir,
			"--define", "http.api.address=127.0.0.1", "--define", "http.api.port=" + std::to_string(api), "--define",
			"http.admin.address=127.0.0.1", "--define", "http.admin.port=" + std::to_string(admin), "--define",
			"http.player.address=127.0.0.1", "--define", "http.player.port=" + std::to_string(player), "--define",
			"http.tuner.address=127.0.0.1", "--define", "http.tuner.port=" + std::to_string(tuner)};
		Poco::Pipe out;
		Poco::ProcessHandle process = Poco::Process::launch(RESTREAM_TEST_BINARY, arguments, nullptr, &out, &out);
		auto output = std::async(std::launch::async, [&out] {
			Poco::PipeInputStream stream(out);
			std::string text;
			Poco::StreamCopier::copyToString(stream, text);
			return text;
		});
		bool up = false;
		for (int attempt = 0; attempt < 100 && !up; ++attempt)
		{
			up = healthStatus(api) == 200 && healthStatus(admin) == 200 && healthStatus(player) == 200;
			if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(100));
		}
		::kill(process.id(), SIGTERM);
		const int status = process.wait();
		const std::string log = output.get();
		Poco::File(stateDir).remove(true);
		CPPUNIT_ASSERT_MESSAGE(log, up);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, status);
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "plugin auth-jwt 1.0.0 started"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "port api listening on 127.0.0.1:" + std::to_string(api) + " (threads"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "plugin auth-jwt stopped"));
		CPPUNIT_ASSERT_MESSAGE(log, contains(log, "host: stopped"));
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, "AddressSanitizer") && !contains(log, "runtime error"));
	}

	void testMissingConfigFileIsAClearError()
	{
		const Run run = runRestream({"--config", "/nonexistent/restream.ini"});
		CPPUNIT_ASSERT(run.status != 0);
		CPPUNIT_ASSERT_MESSAGE(run.output, contains(run.output, "configuration file not found: /nonexistent/restream.ini"));
	}

	void testHashPassword()
	{
		const Run run = runRestream({"hash-password"}, "correct horse battery\n");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(run.output, 0, run.status);
		std::string hash = run.output.substr(0, run.output.find('\n'));
		CPPUNIT_ASSERT_EQUAL(std::string("$2b$12$"), hash.substr(0, 7));
		std::unique_ptr<crypt_data> data(new crypt_data());
		CPPUNIT_ASSERT_EQUAL(hash, std::string(crypt_r("correct horse battery", hash.c_str(), data.get())));
		CPPUNIT_ASSERT(hash != std::string(crypt_r("wrong horse battery", hash.c_str(), data.get())));
	}

	void testHashPasswordRefusesShortPassword()
	{
		const Run run = runRestream({"hash-password"}, "short\n");
		CPPUNIT_ASSERT(run.status != 0);
		CPPUNIT_ASSERT(contains(run.output, "at least 8 characters"));
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(ProcessTest);
