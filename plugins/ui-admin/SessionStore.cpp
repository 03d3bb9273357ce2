//
// SessionStore.cpp
//

#include "SessionStore.h"
#include "RandomToken.h"

namespace uiadmin {

SessionStore::SessionStore(Poco::Timespan idleTimeout, std::size_t capacity):
	_idleTimeout(idleTimeout),
	_capacity(capacity < 1 ? 1 : capacity)
{
}

AdminSession SessionStore::create(const std::string& username, const std::string& apiToken, const Poco::Timestamp& tokenExpiresAt,
	const Poco::Timestamp& now)
{
	AdminSession session;
	session.id = RandomToken::generate();
	session.csrfToken = RandomToken::generate();
	session.username = username;
	session.apiToken = apiToken;
	session.tokenExpiresAt = tokenExpiresAt;
	session.lastSeen = now;

	Poco::FastMutex::ScopedLock lock(_mutex);
	for (auto it = _sessions.begin(); it != _sessions.end();)
	{
		if (expired(it->second, now))
			it = _sessions.erase(it);
		else
			++it;
	}
	while (_sessions.size() >= _capacity)
	{
		auto oldest = _sessions.begin();
		for (auto it = _sessions.begin(); it != _sessions.end(); ++it)
		{
			if (it->second.lastSeen < oldest->second.lastSeen) oldest = it;
		}
		_sessions.erase(oldest);
	}
	_sessions[session.id] = session;
	return session;
}

SessionStore::Lookup SessionStore::find(const std::string& id, AdminSession& session, const Poco::Timestamp& now, Use use)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	auto it = _sessions.find(id);
	if (it == _sessions.end()) return MISSING;
	if (expired(it->second, now))
	{
		_sessions.erase(it);
		return EXPIRED;
	}
	if (use == ACTIVE) it->second.lastSeen = now;
	session = it->second;
	return FOUND;
}

void SessionStore::remove(const std::string& id)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	_sessions.erase(id);
}

std::size_t SessionStore::size() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _sessions.size();
}

bool SessionStore::expired(const AdminSession& session, const Poco::Timestamp& now) const
{
	return now - session.lastSeen >= _idleTimeout.totalMicroseconds() || now >= session.tokenExpiresAt;
}

} // namespace uiadmin
