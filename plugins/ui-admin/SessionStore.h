//
// SessionStore.h
//
// The admin's server-side sessions, in memory.
//

#ifndef uiadmin_SessionStore_INCLUDED
#define uiadmin_SessionStore_INCLUDED

#include "AdminSession.h"
#include <Poco/Mutex.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <cstddef>
#include <map>
#include <string>

namespace uiadmin {

class SessionStore
	/// Sessions by id. A session ends when it has not been used (ACTIVE) for
	/// the idle timeout, when its API token expires (even while in use: the
	/// admin keeps no password to get another), or when it is removed (sign-out,
	/// the API refused the token). At most capacity sessions live at once:
	/// creating one more ends the one used least recently. Nothing survives
	/// a restart (the admin signs in again).
	///
	/// Threads: every method may be called from any thread.
	/// Errors: create() throws Poco::SystemException if no randomness.
{
public:
	enum Lookup
	{
		FOUND,
		EXPIRED, /// it existed but timed out (idle, or its API token expired): now removed
		MISSING  /// never existed, or was removed
	};

	enum Use
	{
		ACTIVE,    /// the user did something: the idle timeout starts again
		BACKGROUND /// the page polls by itself: the session may still idle out
	};

	SessionStore(Poco::Timespan idleTimeout, std::size_t capacity);

	AdminSession create(const std::string& username, const std::string& apiToken, const Poco::Timestamp& tokenExpiresAt,
		const Poco::Timestamp& now = Poco::Timestamp());
		/// Starts a session with fresh random id and CSRF token.

	Lookup find(const std::string& id, AdminSession& session, const Poco::Timestamp& now = Poco::Timestamp(), Use use = ACTIVE);
		/// Looks id up; when FOUND, copies the session into session and, for
		/// an ACTIVE use, starts the idle timeout again.

	void remove(const std::string& id);

	std::size_t size() const;

private:
	bool expired(const AdminSession& session, const Poco::Timestamp& now) const;

	const Poco::Timespan _idleTimeout;
	const std::size_t _capacity;
	mutable Poco::FastMutex _mutex;
	std::map<std::string, AdminSession> _sessions;
};

} // namespace uiadmin

#endif // uiadmin_SessionStore_INCLUDED
