//
// LanGuard.cpp
//

#include "LanGuard.h"

namespace restream {
namespace admin {

LanGuard::LanGuard(NetworkList allowed):
	_allowed(std::move(allowed))
{
}

LanGuard::Verdict LanGuard::check(const Poco::Net::IPAddress& peer, bool peerIsTrustedProxy, bool forwarded, const std::string& client) const
{
	if (forwarded && !peerIsTrustedProxy) return UNTRUSTED_FORWARDING;
	const bool inside = forwarded ? _allowed.contains(client) : _allowed.contains(peer);
	return inside ? ALLOWED : OUTSIDE_NETWORKS;
}

bool LanGuard::carriesForwarding(const Poco::Net::NameValueCollection& headers)
{
	return headers.has("CF-Connecting-IP") || headers.has("X-Forwarded-For") || headers.has("X-Real-IP") || headers.has("Forwarded");
}

} // namespace admin
} // namespace restream
