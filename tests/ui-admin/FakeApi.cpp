//
// FakeApi.cpp
//

#include "FakeApi.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

namespace restream {
namespace test {

namespace {

class Handler : public Poco::Net::HTTPRequestHandler
{
public:
	explicit Handler(FakeApi& api): _api(api)
	{
	}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		FakeApi::Seen seen;
		Poco::StreamCopier::copyToString(request.stream(), seen.body);
		seen.uri = request.getURI();
		seen.forwardedFor = request.get("X-Forwarded-For", "");
		seen.authorization = request.get("Authorization", "");
		seen.host = request.getHost();
		_api.record(seen);
		const std::string& uri = seen.uri;
		if (uri == "/auth/login")
		{
			if (seen.body.find("\"right\"") != std::string::npos)
				return send(response, 200, "{\"access_token\":\"" + FakeApi::TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
			if (seen.body.find("\"throttled\"") != std::string::npos)
			{
				response.set("Retry-After", "42");
				return send(response, 429, "{\"detail\":\"Too many failed sign-ins; try again in 42 s\"}");
			}
			return send(response, 401, "{\"detail\":\"Incorrect username or password\"}");
		}
		if (seen.authorization != "Bearer " + FakeApi::TOKEN || _api.revoked()) return send(response, 401, "{\"detail\":\"Token expired\"}");
		if (uri == "/stream_status") return send(response, 200, FakeApi::STATUS);
		if (uri.compare(0, 10, "/channels?") == 0 || uri == "/channels") return send(response, 200, "{\"channels\":[],\"total\":0}");
		if (uri == "/start_stream") return send(response, 200, "{\"state\":\"starting\",\"stream_id\":101}");
		if (uri == "/live.m3u8") return send(response, 200, "#EXTM3U\n#EXT-X-TARGETDURATION:2\n", "application/vnd.apple.mpegurl");
		const Poco::URI parsed(uri);
		if (parsed.getPath() == "/live.ll.m3u8" && _api.lowLatency()) return lowLatencyPlaylist(parsed, response);
		if (uri.compare(0, 5, "/hls/") == 0) return segment(uri, response);
		if (uri == "/channels/101/logo") return send(response, 200, FakeApi::LOGO, "image/png");
		if (uri == "/channels/103/logo") return send(response, 200, "<html>a proxy's page</html>", "text/html");
		send(response, 404, "{\"detail\":\"Not Found\"}");
	}

private:
	static void lowLatencyPlaylist(const Poco::URI& uri, Poco::Net::HTTPServerResponse& response)
	{
		for (const auto& parameter : uri.getQueryParameters())
		{
			if (parameter.first != "_HLS_msn") continue;
			if (parameter.second == FakeApi::TOO_FAR)
				return send(response, 400, "{\"detail\":\"_HLS_msn is more than two segments beyond the playlist's last\"}");
			if (parameter.second == FakeApi::HELD) Poco::Thread::sleep(FakeApi::HOLD_MS);
		}
		send(response, 200, FakeApi::LOW_LATENCY_PLAYLIST, "application/vnd.apple.mpegurl");
	}

	static void segment(const std::string& uri, Poco::Net::HTTPServerResponse& response)
	{
		if (uri.find(FakeApi::GONE_TOKEN) != std::string::npos) return send(response, 404, "{\"detail\":\"not found\"}");
		const auto dot = uri.rfind('.');
		if (uri.substr(dot) == ".ts") return send(response, 200, "segment", "video/mp2t");
		response.set("Cache-Control", "public, max-age=86400, immutable");
		send(response, 200, "fmp4", "video/mp4");
	}

	static void send(Poco::Net::HTTPServerResponse& response, int status, const std::string& body, const std::string& type = "application/json")
	{
		response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
		response.setContentType(type);
		response.setContentLength(static_cast<std::streamsize>(body.size()));
		response.sendBuffer(body.data(), body.size());
	}

	FakeApi& _api;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit Factory(FakeApi& api): _api(api)
	{
	}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new Handler(_api);
	}

private:
	FakeApi& _api;
};

} // namespace

const std::string FakeApi::TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
const std::string FakeApi::LOGO("\x89PNG\r\n\x1a\n a logo", 15);
const std::string FakeApi::STATUS =
	"{\"active\":true,\"state\":\"reconnecting\",\"stream_id\":101,\"error\":\"no data from the provider for 3 s\",\"error_code\":\"no_data\","
	"\"urls\":[{\"format\":\"hls\",\"url\":\"http://nas.lan:8002/live.m3u8\",\"media_type\":\"application/vnd.apple.mpegurl\"}],"
	"\"player_url\":\"http://nas.lan:8003/\"}";

const std::string FakeApi::LOW_LATENCY_PLAYLIST =
	"#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PART-INF:PART-TARGET=0.33\n#EXT-X-MAP:URI=\"hls/program/0a1b2c3d4e-1.mp4\"\n";
const std::string FakeApi::TOO_FAR = "99";
const std::string FakeApi::HELD = "7";
const std::string FakeApi::GONE_TOKEN = "ffffffffff";

FakeApi::FakeApi()
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	_server.reset(new Poco::Net::HTTPServer(new Factory(*this), socket, new Poco::Net::HTTPServerParams));
	_port = socket.address().port();
	_server->start();
}

FakeApi::~FakeApi()
{
	stop();
}

Poco::UInt16 FakeApi::port() const
{
	return _port;
}

std::string FakeApi::url() const
{
	return "http://127.0.0.1:" + std::to_string(_port);
}

void FakeApi::stop()
{
	_server->stopAll(true);
}

void FakeApi::revoke()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_revoked = true;
}

void FakeApi::withoutLowLatency()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_lowLatency = false;
}

bool FakeApi::lowLatency() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _lowLatency;
}

bool FakeApi::revoked() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _revoked;
}

void FakeApi::record(const Seen& seen)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_seen.push_back(seen);
}

std::string FakeApi::lastForwardedFor() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _seen.empty() ? "" : _seen.back().forwardedFor;
}

std::string FakeApi::lastAuthorization() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _seen.empty() ? "" : _seen.back().authorization;
}

std::string FakeApi::lastHost() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _seen.empty() ? "" : _seen.back().host;
}

std::string FakeApi::lastUri() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _seen.empty() ? "" : _seen.back().uri;
}

std::string FakeApi::lastBody() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _seen.empty() ? "" : _seen.back().body;
}

std::vector<std::string> FakeApi::uris() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<std::string> all;
	for (const auto& seen : _seen) all.push_back(seen.uri);
	return all;
}

} // namespace test
} // namespace restream
