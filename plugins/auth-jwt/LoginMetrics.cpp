//
// LoginMetrics.cpp
//

#include "LoginMetrics.h"

namespace authjwt {

void LoginMetrics::succeeded()
{
	++_succeeded;
}

void LoginMetrics::failed()
{
	++_failed;
}

void LoginMetrics::throttled()
{
	++_throttled;
}

std::string LoginMetrics::metrics() const
{
	return "# HELP restream_logins_total Sign-ins at POST /auth/login by outcome.\n"
		   "# TYPE restream_logins_total counter\n"
		   "restream_logins_total{outcome=\"success\"} " + std::to_string(_succeeded.load()) + "\n"
		   "restream_logins_total{outcome=\"failure\"} " + std::to_string(_failed.load()) + "\n"
		   "restream_logins_total{outcome=\"throttled\"} " + std::to_string(_throttled.load()) + "\n"
		   "# HELP restream_login_failures_total Failed sign-ins (wrong credentials).\n"
		   "# TYPE restream_login_failures_total counter\n"
		   "restream_login_failures_total " + std::to_string(_failed.load()) + "\n";
}

} // namespace authjwt
