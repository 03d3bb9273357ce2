//
// StopSignals.cpp
//

#include "StopSignals.h"
#include <pthread.h>

namespace restream::bench {

StopSignals::StopSignals()
{
	sigemptyset(&_signals);
	sigaddset(&_signals, SIGINT);
	sigaddset(&_signals, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &_signals, nullptr);
}

void StopSignals::wait() const
{
	int signal = 0;
	sigwait(&_signals, &signal);
}

} // namespace restream::bench
