//
// HostNameGuard.h
//

#ifndef restream_host_HostNameGuard_INCLUDED
#define restream_host_HostNameGuard_INCLUDED

#include <set>
#include <string>

namespace restream::host {

class HostNameGuard
	/// Against DNS rebinding on LAN-only ports: a page of another site can
	/// make the browser reach a LAN face under that site's own name (the name
	/// resolves to the box's LAN address), and the browser then counts the
	/// face as that site. The Host header tells: a LAN-only port answers only
	/// a name that cannot belong to someone else on the internet:
	///   - an IP address (192.168.1.10, [fe80::1]) and "localhost";
	///   - a single label ("nas");
	///   - a name under .local, .lan, .home.arpa, .internal or .localdomain;
	///   - a name listed in http.allowedHosts ("admin.example.org"), or any
	///     name when it lists "*".
	///
	/// A value type; immutable; any thread.
{
public:
	HostNameGuard() = default;

	explicit HostNameGuard(const std::string& allowedHosts);
		/// Throws Poco::InvalidArgumentException naming an entry that is not
		/// a host name (e.g. with a port or a path).

	bool allows(const std::string& hostHeader) const;
		/// hostHeader as the request sent it ("nas:8001"); false for an
		/// empty or malformed one.

	static std::string hostName(const std::string& hostHeader);
		/// The name without the port, lower case, IPv6 in brackets; empty
		/// when hostHeader is not a valid host[:port].

private:
	static bool isIpAddress(const std::string& hostName);

	std::set<std::string> _names;
	bool _any = false;
};

} // namespace restream::host

#endif // restream_host_HostNameGuard_INCLUDED
