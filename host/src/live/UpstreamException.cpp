//
// UpstreamException.cpp
//

#include "live/UpstreamException.h"
#include <typeinfo>

namespace restream::host {

POCO_IMPLEMENT_EXCEPTION(UpstreamException, Poco::IOException, "Upstream error")

} // namespace restream::host
