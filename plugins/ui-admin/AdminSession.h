//
// AdminSession.h
//
// What the admin remembers about a signed-in browser.
//

#ifndef uiadmin_AdminSession_INCLUDED
#define uiadmin_AdminSession_INCLUDED

#include <Poco/Timestamp.h>
#include <string>

namespace uiadmin {

struct AdminSession
	/// A value type, kept by SessionStore and copied out of it. The API
	/// token never leaves the server: not in a page, a cookie or a log.
{
	std::string id;         /// the cookie's value (RandomToken)
	std::string csrfToken;  /// sent back by every form and state-changing request
	std::string username;
	std::string apiToken;   /// the API's JWT
	Poco::Timestamp tokenExpiresAt;
	Poco::Timestamp lastSeen; /// the last use the user made of it (SessionStore::ACTIVE)
};

} // namespace uiadmin

#endif // uiadmin_AdminSession_INCLUDED
