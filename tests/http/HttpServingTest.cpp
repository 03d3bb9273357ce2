//
// HttpServingTest.cpp
//
// The event-driven HTTP server of the real restream executable: slowloris
// clients are cut at the head deadline while normal clients are answered at
// once on every port, idle kept-alive connections take no thread, the cap on
// connections per client address (trusted proxies exempt), and a blocking
// route that does not delay a quick one on the same port.
//

#include "FreePort.h"
#include "TextSearch.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
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
#include <map>
#include <memory>
#include <thread>
#include <vector>

using restream::test::contains;
using restream::test::freePort;

namespace {

using Clock = std::chrono::steady_clock;
using Settings = std::map<std::string, std::string>;

const char* const portNames[] = {"admin", "api", "player", "tuner"};

struct Answer
{
	int status = 0;
	std::string body;
	std::chrono::milliseconds took{0};
};

Answer get(unsigned short port, const std::string& path)
	/// One request on a new connection; status 0 when it failed.
{
	Answer answer;
	const auto started = Clock::now();
	try
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", port);
		session.setTimeout(Poco::Timespan(5, 0));
		Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), answer.body);
		answer.status = response.getStatus();
	}
	catch (const Poco::Exception&)
	{
		answer.status = 0;
	}
	answer.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
	return answer;
}

bool closedByServer(Poco::Net::StreamSocket& socket, const Poco::Timespan& wait)
	/// Whether the server ends the connection within wait (what it sent before is read and dropped).
{
	try
	{
		char buffer[4096];
		const Clock::time_point until = Clock::now() + std::chrono::microseconds(wait.totalMicroseconds());
		while (Clock::now() < until)
		{
			if (!socket.poll(Poco::Timespan(0, 50000), Poco::Net::Socket::SELECT_READ)) continue;
			if (socket.receiveBytes(buffer, sizeof(buffer)) <= 0) return true;
		}
		return false;
	}
	catch (const Poco::Exception&)
	{
		return true; // reset
	}
}

class Restream
	/// The restream executable with the fixture plugins, every port on
	/// 127.0.0.1 and an ephemeral number, settings given with --define;
	/// stopped with SIGTERM at the end.
{
public:
	explicit Restream(Settings settings):
		_stateDir(Poco::TemporaryFile::tempName())
	{
		std::signal(SIGPIPE, SIG_IGN); // a test client writes to connections the server has cut
		settings.emplace("plugins.load", "fixture-good, fixture-other, fixture-timing");
		settings["state.dir"] = _stateDir;
		for (const char* name : portNames)
		{
			_ports[name] = freePort();
			settings["http." + std::string(name) + ".address"] = "127.0.0.1";
			settings["http." + std::string(name) + ".port"] = std::to_string(_ports[name]);
		}
		std::vector<std::string> arguments = {"--config", RESTREAM_SOURCE_DIR "/etc/restream.ini", "--plugin-dir", RESTREAM_TEST_FIXTURE_PLUGIN_DIR};
		for (const auto& setting : settings)
		{
			arguments.push_back("--define");
			arguments.push_back(setting.first + "=" + setting.second);
		}
		_process.reset(new Poco::ProcessHandle(Poco::Process::launch(RESTREAM_TEST_BINARY, arguments, nullptr, &_out, &_out)));
		_output = std::async(std::launch::async, [this] {
			Poco::PipeInputStream stream(_out);
			std::string text;
			Poco::StreamCopier::copyToString(stream, text);
			return text;
		});
		bool up = false;
		for (int attempt = 0; attempt < 100 && !up; ++attempt)
		{
			up = true;
			for (const char* name : portNames) up = up && get(_ports[name], "/health").status == 200;
			if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(100));
		}
		if (!up) CPPUNIT_FAIL("restream did not answer /health on every port:\n" + stop());
	}

	~Restream()
	{
		stop();
	}

	std::string stop()
		/// Stops the process; its output.
	{
		if (_process)
		{
			::kill(_process->id(), SIGTERM);
			_status = _process->wait();
			_process.reset();
			_log = _output.get();
			Poco::File(_stateDir).remove(true);
		}
		return _log;
	}

	void expectCleanStop()
		/// Stops the process and fails the test unless it ended cleanly (exit 0, no sanitizer report).
	{
		const std::string log = stop();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(log, 0, _status);
		CPPUNIT_ASSERT_MESSAGE(log, !contains(log, "AddressSanitizer") && !contains(log, "runtime error"));
	}

	unsigned short port(const std::string& name)
	{
		return _ports[name];
	}

	long status(const std::string& field) const
		/// A number of /proc/<pid>/status ("Threads", "VmRSS" in kB).
	{
		Poco::FileInputStream file("/proc/" + std::to_string(_process->id()) + "/status");
		std::string line;
		while (std::getline(file, line))
		{
			if (line.compare(0, field.size() + 1, field + ":") == 0) return std::stol(line.substr(field.size() + 1));
		}
		return -1;
	}

private:
	const std::string _stateDir;
	std::map<std::string, unsigned short> _ports;
	Poco::Pipe _out;
	std::unique_ptr<Poco::ProcessHandle> _process;
	std::future<std::string> _output;
	std::string _log;
	int _status = -1;
};

} // namespace

class HttpServingTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HttpServingTest);
	CPPUNIT_TEST(testSlowlorisIsCutAtTheHeadDeadline);
	CPPUNIT_TEST(testIdleConnectionsTakeNoThread);
	CPPUNIT_TEST(testConnectionsPerAddressAreCapped);
	CPPUNIT_TEST(testTrustedProxyIsNotCapped);
	CPPUNIT_TEST(testBlockingRouteDoesNotDelayQuickRoute);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSlowlorisIsCutAtTheHeadDeadline()
	{
		Settings settings;
		for (const char* name : portNames) settings["http." + std::string(name) + ".headerTimeout"] = "2";
		Restream restream(settings);
		const int perPort = 500;
		std::vector<Poco::Net::StreamSocket> attackers;
		const auto opened = Clock::now();
		for (const char* name : portNames)
		{
			for (int i = 0; i < perPort; ++i)
			{
				attackers.emplace_back(Poco::Net::SocketAddress("127.0.0.1", restream.port(name)));
				const std::string start = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
				attackers.back().sendBytes(start.data(), static_cast<int>(start.size()));
			}
		}
		// a header line a second from each, while a normal client is served on every port
		const std::map<std::string, std::string> routes = {
			{"admin", "/page"}, {"api", "/fixture/echo"}, {"player", "/page"}, {"tuner", "/fixture/quick"}};
		bool served = false;
		std::string slow;
		for (int second = 0; second < 3; ++second)
		{
			for (auto& attacker : attackers)
			{
				try
				{
					attacker.sendBytes("X-Drip: 1\r\n", 11);
				}
				catch (const Poco::Exception&)
				{
					// cut already
				}
			}
			if (!served)
			{
				served = true;
				for (const auto& route : routes)
				{
					for (const std::string& path : {std::string("/health"), route.second})
					{
						const Answer answer = get(restream.port(route.first), path);
						if (answer.status != 200 || answer.took > std::chrono::milliseconds(1000))
							slow += route.first + path + ": " + std::to_string(answer.status) + " in " + std::to_string(answer.took.count()) + " ms\n";
					}
				}
			}
			std::this_thread::sleep_for(std::chrono::milliseconds(1000));
		}
		CPPUNIT_ASSERT_MESSAGE(slow, slow.empty());
		// every attacker is gone by the deadline (2 s from its connection, with a margin for the machine)
		std::this_thread::sleep_until(opened + std::chrono::milliseconds(4000));
		int open = 0;
		for (auto& attacker : attackers)
		{
			if (!closedByServer(attacker, Poco::Timespan(0, 10000))) ++open;
		}
		CPPUNIT_ASSERT_EQUAL_MESSAGE("attackers still open", 0, open);
		CPPUNIT_ASSERT_EQUAL(200, get(restream.port("api"), "/health").status);
		// one line a port says so, not one an attacker: a client must not be able to flood the log
		const std::string output = restream.stop();
		std::size_t lines = 0;
		for (std::size_t at = output.find("passed its deadline"); at != std::string::npos; at = output.find("passed its deadline", at + 1)) ++lines;
		CPPUNIT_ASSERT_MESSAGE("no line about the attackers' deadline", lines >= 1);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(lines) + " lines about " + std::to_string(attackers.size()) + " attackers' deadlines", lines <= routes.size());
		restream.expectCleanStop();
	}

	void testIdleConnectionsTakeNoThread()
	{
		Restream restream(Settings{{"http.api.keepAliveTimeout", "60"}});
		const long threads = restream.status("Threads");
		const long rss = restream.status("VmRSS");
		const int idle = 500;
		std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> sessions;
		for (int i = 0; i < idle; ++i)
		{
			sessions.emplace_back(new Poco::Net::HTTPClientSession("127.0.0.1", restream.port("api")));
			sessions.back()->setKeepAlive(true);
			sessions.back()->setTimeout(Poco::Timespan(5, 0));
			Poco::Net::HTTPRequest request("GET", "/health", Poco::Net::HTTPMessage::HTTP_1_1);
			sessions.back()->sendRequest(request);
			Poco::Net::HTTPResponse response;
			std::string body;
			Poco::StreamCopier::copyToString(sessions.back()->receiveResponse(response), body);
			CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(300));
		const long grown = restream.status("Threads") - threads;
		const long perConnection = (restream.status("VmRSS") - rss) * 1024 / idle;
		std::cout << "\n" << idle << " idle kept-alive connections: threads +" << grown << ", RSS +" << perConnection << " bytes each" << std::endl;
		CPPUNIT_ASSERT_MESSAGE(std::to_string(grown) + " threads more", grown <= 2);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(perConnection) + " bytes per idle connection", perConnection < 16 * 1024);
		// and they are still served
		for (int i = 0; i < idle; i += 50)
		{
			Poco::Net::HTTPRequest request("GET", "/health", Poco::Net::HTTPMessage::HTTP_1_1);
			sessions[static_cast<std::size_t>(i)]->sendRequest(request);
			Poco::Net::HTTPResponse response;
			std::string body;
			Poco::StreamCopier::copyToString(sessions[static_cast<std::size_t>(i)]->receiveResponse(response), body);
			CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
		}
		restream.expectCleanStop();
	}

	void testConnectionsPerAddressAreCapped()
	{
		// 127.0.0.1 is not a trusted proxy here, so its connections count
		Restream restream(Settings{{"http.trustedProxies", "10.9.9.9"}, {"http.api.maxConnectionsPerAddress", "5"}});
		const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
		std::vector<Poco::Net::StreamSocket> held;
		for (int i = 0; i < 5; ++i)
		{
			held.emplace_back(Poco::Net::SocketAddress("127.0.0.1", restream.port("api")));
			held.back().sendBytes(request.data(), static_cast<int>(request.size()));
			held.back().setReceiveTimeout(Poco::Timespan(5, 0));
			char buffer[1024];
			const int n = held.back().receiveBytes(buffer, sizeof(buffer));
			CPPUNIT_ASSERT(n > 0 && contains(std::string(buffer, static_cast<std::size_t>(n)), "HTTP/1.1 200"));
		}
		Poco::Net::StreamSocket extra(Poco::Net::SocketAddress("127.0.0.1", restream.port("api")));
		CPPUNIT_ASSERT_MESSAGE("the connection past the cap is closed at once", closedByServer(extra, Poco::Timespan(2, 0)));
		// other ports count on their own
		CPPUNIT_ASSERT_EQUAL(200, get(restream.port("player"), "/health").status);
		// a closed connection frees its place
		held.front().close();
		std::this_thread::sleep_for(std::chrono::milliseconds(200));
		CPPUNIT_ASSERT_EQUAL(200, get(restream.port("api"), "/health").status);
		restream.expectCleanStop();
	}

	void testTrustedProxyIsNotCapped()
	{
		// an edge or a tunnel brings every viewer from its one address: 127.0.0.1 is a trusted proxy by default
		Restream restream(Settings{{"http.api.maxConnectionsPerAddress", "5"}});
		std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> sessions;
		for (int i = 0; i < 20; ++i)
		{
			sessions.emplace_back(new Poco::Net::HTTPClientSession("127.0.0.1", restream.port("api")));
			sessions.back()->setKeepAlive(true);
			sessions.back()->setTimeout(Poco::Timespan(5, 0));
			Poco::Net::HTTPRequest request("GET", "/fixture/echo", Poco::Net::HTTPMessage::HTTP_1_1);
			request.set("X-Forwarded-For", "203.0.113.7");
			sessions.back()->sendRequest(request);
			Poco::Net::HTTPResponse response;
			std::string body;
			Poco::StreamCopier::copyToString(sessions.back()->receiveResponse(response), body);
			CPPUNIT_ASSERT_EQUAL(200, static_cast<int>(response.getStatus()));
			CPPUNIT_ASSERT(contains(body, "\"client\":\"203.0.113.7\""));
		}
		restream.expectCleanStop();
	}

	void testBlockingRouteDoesNotDelayQuickRoute()
	{
		Restream restream(Settings{{"http.ioThreads", "2"}, {"http.tuner.maxThreads", "16"}});
		std::vector<std::future<Answer>> slow;
		for (int i = 0; i < 8; ++i)
			slow.push_back(std::async(std::launch::async, [&restream] { return get(restream.port("tuner"), "/fixture/slow?ms=3000"); }));
		std::this_thread::sleep_for(std::chrono::milliseconds(300));
		const Answer quick = get(restream.port("tuner"), "/fixture/quick");
		CPPUNIT_ASSERT_EQUAL(200, quick.status);
		CPPUNIT_ASSERT_EQUAL(std::string("quick"), quick.body);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(quick.took.count()) + " ms", quick.took < std::chrono::milliseconds(1000));
		const Answer health = get(restream.port("tuner"), "/health");
		CPPUNIT_ASSERT(health.status == 200 && health.took < std::chrono::milliseconds(1000));
		for (auto& answer : slow)
		{
			const Answer done = answer.get();
			CPPUNIT_ASSERT_EQUAL(200, done.status);
			CPPUNIT_ASSERT_EQUAL(std::string("slow"), done.body);
		}
		restream.expectCleanStop();
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpServingTest);
