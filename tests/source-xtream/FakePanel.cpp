//
// FakePanel.cpp
//

#include "FakePanel.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <algorithm>

namespace restream {
namespace xtream {
namespace test {

class FakePanel::Handler : public Poco::Net::HTTPRequestHandler
{
public:
	explicit Handler(FakePanel& panel): _panel(panel)
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		const Poco::URI uri(request.getURI());
		RecordedRequest recorded;
		recorded.path = uri.getPath();
		for (const auto& parameter : uri.getQueryParameters())
		{
			if (parameter.first == "action") recorded.action = parameter.second;
			else if (parameter.first == "username") recorded.username = parameter.second;
			else if (parameter.first == "password") recorded.password = parameter.second;
		}
		recorded.userAgent = request.get("User-Agent", "");
		recorded.accept = request.get("Accept", "");
		_panel.record(recorded);

		const std::string route = recorded.action.empty() ? recorded.path : recorded.path + "?" + recorded.action;
		const CannedAnswer answer = _panel.answerFor(route);
		if (answer.delayMs > 0 && _panel._stopping.tryWait(answer.delayMs)) return;

		response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
		response.setKeepAlive(false);
		for (const auto& header : answer.headers) response.set(header.first, header.second);
		if (answer.dripChunks > 0)
		{
			response.setChunkedTransferEncoding(true);
			std::ostream& out = response.send();
			const std::size_t piece = answer.body.size() / static_cast<std::size_t>(answer.dripChunks) + 1;
			for (std::size_t at = 0; at < answer.body.size(); at += piece)
			{
				out << answer.body.substr(at, piece) << std::flush;
				if (_panel._stopping.tryWait(answer.dripIntervalMs)) return;
			}
			return;
		}
		response.setContentLength64(answer.contentLength >= 0 ? answer.contentLength : static_cast<long long>(answer.body.size()));
		std::ostream& out = response.send();
		out << answer.body << std::flush;
	}

private:
	FakePanel& _panel;
};

class FakePanel::Factory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit Factory(FakePanel& panel): _panel(panel)
	{
	}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new Handler(_panel);
	}

private:
	FakePanel& _panel;
};

FakePanel::FakePanel(bool tls): _tls(tls)
{
	Poco::Net::ServerSocket socket;
	if (tls)
	{
		Poco::Net::Context::Params tlsParams;
		tlsParams.certificateFile = XTREAM_TEST_DATA_DIR "/selfsigned-cert.pem";
		tlsParams.privateKeyFile = XTREAM_TEST_DATA_DIR "/selfsigned-key.pem";
		tlsParams.verificationMode = Poco::Net::Context::VERIFY_NONE;
		const Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, tlsParams);
		socket = Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
	}
	else
	{
		socket = Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0));
	}
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setKeepAlive(false);
	params->setMaxThreads(8);
	_server.reset(new Poco::Net::HTTPServer(new Factory(*this), _pool, socket, params));
	_server->start();
}

FakePanel::~FakePanel()
{
	_stopping.set();
	_server->stopAll(true);
	_pool.joinAll();
}

unsigned short FakePanel::port() const
{
	return _server->port();
}

std::string FakePanel::url() const
{
	return (_tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port());
}

void FakePanel::route(const std::string& route, const CannedAnswer& answer)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_routes[route] = answer;
}

std::vector<RecordedRequest> FakePanel::requests() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _requests;
}

std::size_t FakePanel::count(const std::string& action) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return static_cast<std::size_t>(std::count_if(_requests.begin(), _requests.end(), [&](const RecordedRequest& request) {
		return request.path == "/player_api.php" && request.action == action;
	}));
}

std::string FakePanel::accountJson(const std::string& status, const std::string& formats)
{
	return "{\"user_info\": {\"username\": \"echoed\", \"password\": \"echoed\", \"message\": \"Welcome\", \"auth\": 1, "
		   "\"status\": \"" + status + "\", \"exp_date\": \"4102444800\", \"is_trial\": \"0\", \"active_cons\": \"0\", "
		   "\"created_at\": \"1700000000\", \"max_connections\": \"2\", \"allowed_output_formats\": " + formats +
		"}, \"server_info\": {\"url\": \"127.0.0.1\", \"port\": \"80\", \"https_port\": \"443\", \"server_protocol\": \"http\", "
		"\"rtmp_port\": \"1935\", \"timezone\": \"Europe/Paris\", \"timestamp_now\": 1732440000, \"time_now\": \"2024-11-24 10:00:00\", "
		"\"process\": true}}";
}

CannedAnswer FakePanel::answerFor(const std::string& route) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const auto it = _routes.find(route);
	if (it != _routes.end()) return it->second;
	CannedAnswer notFound;
	notFound.status = 404;
	notFound.body = "not found";
	return notFound;
}

void FakePanel::record(const RecordedRequest& request)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_requests.push_back(request);
}

} // namespace test
} // namespace xtream
} // namespace restream
