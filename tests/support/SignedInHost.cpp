//
// SignedInHost.cpp
//

#include "SignedInHost.h"
#include <Poco/JSON/Parser.h>
#include <chrono>
#include <cppunit/TestAssert.h>
#include <sstream>
#include <thread>

namespace restream {
namespace test {

const std::string SignedInHost::PASSWORD = "test-admin-password";

namespace {

std::map<std::string, std::string> withPassword(std::map<std::string, std::string> settings)
{
	settings.emplace("plugins.auth-jwt.adminPasswordHash", HostFixture::passwordHash(SignedInHost::PASSWORD));
	return settings;
}

} // namespace

SignedInHost::SignedInHost(std::map<std::string, std::string> settings):
	HostFixture(withPassword(std::move(settings))),
	_token(signIn(PASSWORD))
{
}

std::map<std::string, std::string> SignedInHost::withXtream(std::map<std::string, std::string> settings, const std::string& url,
	const std::string& username, const std::string& password)
{
	settings.emplace("plugins.source-xtream.url", url);
	settings.emplace("plugins.source-xtream.username", username);
	settings.emplace("plugins.source-xtream.password", password);
	return settings;
}

const std::string& SignedInHost::token() const
{
	return _token;
}

std::map<std::string, std::string> SignedInHost::bearer() const
{
	return {{"Authorization", "Bearer " + _token}};
}

HttpResult SignedInHost::startStream(Poco::Int64 streamId)
{
	return request("POST", "api", "/start_stream", "{\"stream_id\": " + std::to_string(streamId) + "}", bearer());
}

Poco::JSON::Object::Ptr SignedInHost::status()
{
	const HttpResult result = request("GET", "api", "/stream_status");
	CPPUNIT_ASSERT_EQUAL_MESSAGE(result.body, 200, result.status);
	return jsonObject(result.body);
}

Poco::JSON::Object::Ptr SignedInHost::waitForState(const std::string& state, int seconds)
{
	const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	Poco::JSON::Object::Ptr last;
	do
	{
		last = status();
		if (last->getValue<std::string>("state") == state) return last;
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
	} while (std::chrono::steady_clock::now() < until);
	std::ostringstream text;
	last->stringify(text);
	CPPUNIT_FAIL("state " + state + " not reached in " + std::to_string(seconds) + " s; last status " + text.str() + "\n" + log());
	return last;
}

Poco::JSON::Object::Ptr SignedInHost::jsonObject(const std::string& json)
{
	return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

} // namespace test
} // namespace restream
