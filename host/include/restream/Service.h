//
// Service.h
//
// The base class of everything plugins register in the registry.
//

#ifndef restream_Service_INCLUDED
#define restream_Service_INCLUDED

#include "restream/Version.h"

namespace restream {

class RESTREAM_API Service
	/// The base class of a registered service. Roles (Authenticator,
	/// Route, Source, Output, PlaybackForm, ...) derive from it; a client finds a
	/// service by name or role and casts it with Registry::find<Role>().
	///
	/// A service's code lives in its plugin's library: whoever holds a
	/// pointer to a service of another plugin must release it by the end
	/// of its own Plugin::stop().
{
public:
	virtual ~Service() = default;
};

} // namespace restream

#endif // restream_Service_INCLUDED
