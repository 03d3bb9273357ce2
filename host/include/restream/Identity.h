//
// Identity.h
//
// Who made a request, as an Authenticator decided.
//

#ifndef restream_Identity_INCLUDED
#define restream_Identity_INCLUDED

#include <string>

namespace restream {

struct Identity
	/// The outcome of authenticating a request. A value type.
{
	bool authenticated = false;
		/// True when the request carried valid credentials.

	std::string subject;
		/// The user the credentials belong to, when authenticated.

	std::string reason;
		/// Why not, when not authenticated: one sentence for a human, never
		/// containing the credentials themselves.
};

} // namespace restream

#endif // restream_Identity_INCLUDED
