//
// RedirectTarget.h
//
// Where a "next=" parameter may send the browser after signing in.
//

#ifndef uiadmin_RedirectTarget_INCLUDED
#define uiadmin_RedirectTarget_INCLUDED

#include <string>

namespace uiadmin {

class RedirectTarget
	/// Keeps redirects on the admin's own site: only a path of this site
	/// ("/", "/?lang=fr") is accepted; anything that a browser could read as
	/// another host ("//evil", "/\evil", "https://evil", "/%2F%2Fevil",
	/// "%2F%5Cevil", control characters...) gives "/".
	/// Stateless; any thread. Errors: none.
{
public:
	static std::string safe(const std::string& next);
		/// next when it is a plain local path, else "/".

private:
	static bool plainPath(const std::string& path, bool decoded);
		/// True for "/" followed by printable characters that no browser reads
		/// as the start of another host; decoded allows UTF-8 (the raw
		/// parameter must be ASCII: it goes into a Location header).
};

} // namespace uiadmin

#endif // uiadmin_RedirectTarget_INCLUDED
