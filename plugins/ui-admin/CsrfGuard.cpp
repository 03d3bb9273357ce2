//
// CsrfGuard.cpp
//

#include "CsrfGuard.h"
#include "RequestOrigin.h"
#include <Poco/String.h>

namespace uiadmin {

bool CsrfGuard::sameOrigin(const Poco::Net::NameValueCollection& headers, const std::string& ownOrigin)
{
	if (headers.has("Origin") && (ownOrigin.empty() || Poco::icompare(Poco::trim(headers.get("Origin")), ownOrigin) != 0)) return false;
	if (headers.has("Sec-Fetch-Site"))
	{
		const std::string site = Poco::toLower(Poco::trim(headers.get("Sec-Fetch-Site")));
		if (site != "same-origin" && site != "none") return false;
	}
	return true;
}

bool CsrfGuard::sameOrigin(const restream::RouteRequest& request)
{
	return sameOrigin(request.headers, RequestOrigin::origin(request));
}

bool CsrfGuard::tokensMatch(const std::string& expected, const std::string& given)
{
	if (expected.empty() || given.size() != expected.size()) return false;
	unsigned char difference = 0;
	for (std::size_t i = 0; i < expected.size(); ++i)
		difference |= static_cast<unsigned char>(expected[i] ^ given[i]);
	return difference == 0;
}

} // namespace uiadmin
