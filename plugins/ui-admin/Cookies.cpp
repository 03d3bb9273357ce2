//
// Cookies.cpp
//

#include "Cookies.h"
#include "RandomToken.h"
#include "RequestOrigin.h"
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/String.h>

namespace uiadmin {

const std::string Cookies::SESSION = "restream_admin";
const std::string Cookies::CSRF = "restream_admin_csrf";
const std::string Cookies::LANGUAGE = "restream_lang";

std::string Cookies::read(const restream::RouteRequest& request, const std::string& name)
{
	Poco::Net::NameValueCollection cookies;
	for (const auto& header : request.headers)
	{
		if (Poco::icompare(header.first, "Cookie") == 0) Poco::Net::MessageHeader::splitParameters(header.second.begin(), header.second.end(), cookies);
	}
	return cookies.get(name, "");
}

Cookies::Header Cookies::make(const restream::RouteRequest& request, const std::string& name, const std::string& value, int maxAge, bool httpOnly)
{
	Poco::Net::HTTPCookie cookie(name, value);
	cookie.setPath("/");
	cookie.setHttpOnly(httpOnly);
	cookie.setSecure(RequestOrigin::secure(request));
	cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
	cookie.setMaxAge(maxAge);
	return {"Set-Cookie", cookie.toString()};
}

SessionStore::Lookup Cookies::session(SessionStore& sessions, const restream::RouteRequest& request, AdminSession& session, SessionStore::Use use)
{
	const std::string id = read(request, SESSION);
	if (!RandomToken::looksValid(id)) return SessionStore::MISSING;
	return sessions.find(id, session, Poco::Timestamp(), use);
}

} // namespace uiadmin
