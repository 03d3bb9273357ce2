//
// HostAllowlist.h
//
// The host names under which the admin answers (against DNS rebinding).
//

#ifndef restream_admin_HostAllowlist_INCLUDED
#define restream_admin_HostAllowlist_INCLUDED

#include <set>
#include <string>

namespace restream {
namespace admin {

class HostAllowlist
	/// A page of another site can make the browser reach the admin under
	/// that site's own name (DNS rebinding: the name resolves to the admin's
	/// LAN address), and the browser then counts the admin as that site. The
	/// Host header tells: the admin answers only a name that cannot belong
	/// to someone else on the internet:
	///   - an IP address (192.168.1.10, [fe80::1]) and "localhost";
	///   - a single label ("nas");
	///   - a name under .local, .lan, .home.arpa, .internal or .localdomain;
	///   - a name listed in the setting allowedHosts ("admin.example.org,
	///     tv.example.net"), or any name when it lists "*".
	///
	/// A value type; allows() is safe from any thread.
	/// Errors: the constructor throws Poco::InvalidArgumentException naming
	/// the entry that is not a host name.
{
public:
	explicit HostAllowlist(const std::string& allowedHosts);

	bool allows(const std::string& hostName) const;
		/// hostName as RequestOrigin::hostName() gives it: lower case,
		/// without the port, IPv6 in brackets.

private:
	static bool isIpAddress(const std::string& hostName);

	std::set<std::string> _names;
	bool _any = false;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_HostAllowlist_INCLUDED
