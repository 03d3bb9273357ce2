//
// LoginRoute.cpp
//

#include "LoginRoute.h"
#include "ConstantTime.h"
#include "LoginRequest.h"
#include "restream/PluginContext.h"
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Thread.h>

namespace authjwt {

LoginRoute::LoginRoute(const restream::PluginContext& context, const std::string& username, const PasswordHash& passwordHash,
	std::shared_ptr<const TokenService> tokens, const LoginThrottle::Limits& limits, std::shared_ptr<LoginMetrics> metrics):
	_context(context),
	_username(username),
	_passwordHash(passwordHash),
	_tokens(std::move(tokens)),
	_throttle(limits),
	_metrics(std::move(metrics))
{
}

std::string LoginRoute::method() const
{
	return "POST";
}

std::string LoginRoute::path() const
{
	return "/auth/login";
}

restream::Route::Access LoginRoute::access() const
{
	return Access::Public;
}

std::string LoginRoute::summary() const
{
	return "Exchanges the admin's username and password (JSON or form) for a bearer token";
}

void LoginRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	const LoginRequest login(request);
	if (!login.valid())
	{
		response->sendError(400, login.problem());
		return;
	}

	const std::string& client = request.clientAddress;
	const LoginThrottle::Attempt attempt = _throttle.admit(client);
	if (!attempt.admitted)
	{
		const std::string seconds = wholeSeconds(attempt.retryAfter);
		_metrics->throttled();
		response->sendError(429, "Too many failed sign-ins; try again in " + seconds + " s", {{"Retry-After", seconds}});
		return;
	}

	const bool knownUser = ConstantTime::equals(login.username(), _username);
	const bool rightPassword = _passwordHash.verify(login.password());
	if (knownUser && rightPassword)
	{
		_throttle.succeeded(client);
		_metrics->succeeded();
		grant(*response, client);
	}
	else
	{
		refuse(*response, client, knownUser, attempt);
	}
}

void LoginRoute::grant(restream::RouteResponse& response, const std::string& client)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("access_token", _tokens->issue(_username));
	body->set("token_type", std::string("bearer"));
	body->set("expires_in", static_cast<Poco::Int64>(_tokens->lifetime().totalSeconds()));
	_context.logger().information("User '" + printable(_username) + "' signed in from " + client + ".");
	response.sendJson(200, body);
}

void LoginRoute::refuse(restream::RouteResponse& response, const std::string& client, bool knownUser,
	const LoginThrottle::Attempt& attempt)
{
	// an unknown name is not logged: people type their password into the user field
	std::string message =
		"Failed sign-in from " + client + (knownUser ? " as user '" + printable(_username) + "'." : " with an unknown user name.");
	if (attempt.locksOut)
		message += " Further sign-ins from this address are refused for " + wholeSeconds(attempt.retryAfter) + " s.";
	_context.logger().warning(message);
	_metrics->failed();
	if (attempt.delay > Poco::Timespan(0)) Poco::Thread::sleep(static_cast<long>(attempt.delay.totalMilliseconds()));
	response.sendError(401, "Incorrect username or password", {{"WWW-Authenticate", "Bearer"}});
}

std::string LoginRoute::wholeSeconds(const Poco::Timespan& span)
{
	return std::to_string((span.totalMicroseconds() + Poco::Timespan::SECONDS - 1) / Poco::Timespan::SECONDS);
}

std::string LoginRoute::printable(const std::string& username) const
{
	const std::size_t limit = 64;
	std::string text;
	for (const char c : username.substr(0, limit))
	{
		const auto byte = static_cast<unsigned char>(c);
		text += (byte < 0x20 || byte == 0x7F) ? '?' : c;
	}
	if (username.size() > limit) text += "...";
	return _context.redact(text);
}

} // namespace authjwt
