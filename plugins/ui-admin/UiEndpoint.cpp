//
// UiEndpoint.cpp
//

#include "UiEndpoint.h"
#include "Cookies.h"
#include "CsrfGuard.h"
#include <Poco/JSON/Parser.h>

namespace uiadmin {

UiEndpoint::UiEndpoint(std::string method, std::string path, SessionStore::Use use, std::shared_ptr<SessionStore> sessions,
	std::shared_ptr<const Translations> translations):
	AdminRoute(std::move(method), std::move(path)),
	_use(use),
	_sessions(std::move(sessions)),
	_translations(std::move(translations))
{
}

void UiEndpoint::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	AdminSession session;
	const SessionStore::Lookup lookup = Cookies::session(*_sessions, request, session, _use);
	if (lookup != SessionStore::FOUND)
	{
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("detail", _translations->text(_translations->languageOf(request), lookup == SessionStore::EXPIRED ? "sessionExpired" : "signInFirst"));
		body->set("signed_out", true);
		return response->sendJson(401, body);
	}
	if (request.method == "POST")
	{
		if (!CsrfGuard::sameOrigin(request)) return response->sendError(403, "Cross-site request refused");
		if (!CsrfGuard::tokensMatch(session.csrfToken, request.header("X-CSRF-Token")))
			return response->sendError(403, "Missing or wrong CSRF token (X-CSRF-Token)");
	}
	serve(request, response, session);
}

std::size_t UiEndpoint::maxBodySize() const
{
	return 8 * 1024;
}

bool UiEndpoint::readJson(const restream::RouteRequest& request, restream::RouteResponse& response, Poco::JSON::Object::Ptr& body)
{
	try
	{
		const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(request.body);
		if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
		{
			body = parsed.extract<Poco::JSON::Object::Ptr>();
			return true;
		}
	}
	catch (const std::exception&)
	{
		// Poco's JSON errors, and a number it cannot hold (1e400): answered below
	}
	response.sendError(400, "The body must be a JSON object");
	return false;
}

} // namespace uiadmin
