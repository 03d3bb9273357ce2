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
		std::string body;
		Poco::StreamCopier::copyToString(request.stream(), body);
		_api.record(request.get("X-Forwarded-For", ""), request.get("Authorization", ""));
		if (request.getURI() == "/auth/login")
		{
			if (body.find("\"right\"") != std::string::npos)
				return send(response, 200, "{\"access_token\":\"" + FakeApi::TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
			if (body.find("\"throttled\"") != std::string::npos)
			{
				response.set("Retry-After", "42");
				return send(response, 429, "{\"detail\":\"Too many failed sign-ins; try again in 42 s\"}");
			}
			return send(response, 401, "{\"detail\":\"Incorrect username or password\"}");
		}
		_api.recordUri(request.getURI());
		const bool authorized = request.get("Authorization", "") == "Bearer " + FakeApi::TOKEN && !_api.revoked();
		if (request.getURI() == "/stream_status" && authorized) return send(response, 200, "{\"active\":false,\"state\":\"idle\"}");
		if (request.getURI().compare(0, 10, "/channels?") == 0 && authorized) return send(response, 200, "{\"channels\":[],\"total\":0}");
		send(response, 401, "{\"detail\":\"Token expired\"}");
	}

private:
	static void send(Poco::Net::HTTPServerResponse& response, int status, const std::string& body)
	{
		response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
		response.setContentType("application/json");
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

void FakeApi::stop()
{
	_server->stopAll(true);
}

void FakeApi::revoke()
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_revoked = true;
}

std::string FakeApi::lastForwardedFor() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _forwardedFor;
}

std::string FakeApi::lastAuthorization() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _authorization;
}

void FakeApi::record(const std::string& forwardedFor, const std::string& authorization)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_forwardedFor = forwardedFor;
	_authorization = authorization;
}

void FakeApi::recordUri(const std::string& uri)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_uri = uri;
}

std::string FakeApi::lastUri() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _uri;
}

bool FakeApi::revoked() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _revoked;
}

} // namespace test
} // namespace restream
