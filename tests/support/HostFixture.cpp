//
// HostFixture.cpp
//

#include "HostFixture.h"
#include "app/Host.h"
#include "app/PasswordHashCommand.h"
#include "config/HostConfiguration.h"
#include "logging/RedactingChannel.h"
#include "logging/Redactor.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <iostream>

namespace restream {
namespace test {

HostFixture::HostFixture(const std::map<std::string, std::string>& settings):
	_settings(settings),
	_stateDir(Poco::TemporaryFile::tempName()),
	_log(new LogCapture)
{
	start();
}

HostFixture::~HostFixture()
{
	stop();
	Poco::Logger::setChannel("", nullptr);
	Poco::Logger::root().setChannel(nullptr);
	try
	{
		Poco::File(_stateDir).remove(true);
	}
	catch (const Poco::Exception&)
	{
		// nothing left to delete
	}
}

void HostFixture::start()
{
	_configuration.reset(new HostConfiguration);
	for (const char* portName : {"admin", "api", "player", "tuner"})
	{
		_configuration->define(std::string("http.") + portName + ".address", "127.0.0.1");
		_configuration->define(std::string("http.") + portName + ".port", "0");
	}
	_configuration->define("state.dir", _stateDir);
	_configuration->define("plugins.load", "auth-jwt");
	_configuration->define("plugins.callTimeout", "5");
	for (const auto& setting : _settings) _configuration->define(setting.first, setting.second);

	_redactor.reset(new Redactor);
	Poco::AutoPtr<Poco::Channel> channel(new host::RedactingChannel(*_redactor, _log.cast<Poco::Channel>()));
	Poco::Logger::setChannel("", channel);
	Poco::Logger::root().setChannel(channel);
	const std::string level = _settings.count("log.level") ? _settings.at("log.level") : "information";
	Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
	Poco::Logger::root().setLevel(Poco::Logger::parseLevel(level));

	_savedCerr = std::cerr.rdbuf(_console.rdbuf());
	_host.reset(new Host(*_configuration, *_redactor, RESTREAM_TEST_PLUGIN_DIR));
	_startError.clear();
	try
	{
		_host->start();
	}
	catch (const Poco::Exception& exc)
	{
		_startError = exc.displayText();
		_host->stop();
	}
}

const std::string& HostFixture::startError() const
{
	return _startError;
}

void HostFixture::stop()
{
	if (!_host) return;
	_host->stop();
	_host.reset();
	if (_savedCerr) std::cerr.rdbuf(_savedCerr);
	_savedCerr = nullptr;
}

void HostFixture::restart()
{
	stop();
	start();
}

HttpResult HostFixture::request(const std::string& method, const std::string& portName, const std::string& path, const std::string& body,
	const std::map<std::string, std::string>& headers)
{
	Poco::Net::HTTPClientSession session("127.0.0.1", port(portName));
	session.setTimeout(Poco::Timespan(30, 0));
	Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!body.empty()) request.setContentType("application/json");
	for (const auto& header : headers) request.set(header.first, header.second);
	if (!body.empty() || method == "POST" || method == "PUT") request.setContentLength(static_cast<std::streamsize>(body.size()));
	session.sendRequest(request) << body;
	Poco::Net::HTTPResponse response;
	std::istream& stream = session.receiveResponse(response);
	HttpResult result;
	result.status = response.getStatus();
	Poco::StreamCopier::copyToString(stream, result.body);
	for (const auto& header : response) result.headers.add(header.first, header.second);
	return result;
}

std::string HostFixture::signIn(const std::string& password, const std::string& username)
{
	Poco::JSON::Object credentials;
	credentials.set("username", username);
	credentials.set("password", password);
	std::ostringstream body;
	credentials.stringify(body);
	const HttpResult result = request("POST", "api", "/auth/login", body.str());
	if (result.status != 200) throw Poco::AssertionViolationException("sign-in failed", std::to_string(result.status) + " " + result.body);
	return Poco::JSON::Parser().parse(result.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("access_token");
}

std::string HostFixture::passwordHash(const std::string& password)
{
	return host::PasswordHashCommand::hash(password);
}

std::shared_ptr<Service> HostFixture::findService(const std::string& name)
{
	return _host ? _host->registry().find(name) : nullptr;
}

unsigned short HostFixture::port(const std::string& portName) const
{
	return _host ? _host->boundPort(portName) : 0;
}

std::string HostFixture::stateDir() const
{
	return _stateDir;
}

std::string HostFixture::log() const
{
	return _log->text();
}

std::string HostFixture::console() const
{
	return _console.str();
}

} // namespace test
} // namespace restream
