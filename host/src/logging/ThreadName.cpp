//
// ThreadName.cpp
//

#include "logging/ThreadName.h"
#include <pthread.h>

namespace restream::host {

void ThreadName::set(const std::string& name)
{
	pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
}

} // namespace restream::host
