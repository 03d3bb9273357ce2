//
// UpstreamException.cpp
//

#include "UpstreamException.h"
#include <typeinfo>

namespace restream {

POCO_IMPLEMENT_EXCEPTION(UpstreamException, Poco::IOException, "Upstream error")

} // namespace restream
