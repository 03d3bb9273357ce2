//
// host-host-name.cpp
//
// HostNameGuard on any Host header: the first input line is the setting
// http.allowedHosts, each further line a Host header.
// Contract: a setting that is refused throws Poco::InvalidArgumentException
// only, and a guard built from it allows each name it lists; hostName() is
// empty or a lower-case name without a port that reads as itself; a header
// is allowed only with a name, and as its name is.
//

#include "FuzzInput.h"
#include "net/HostNameGuard.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

using restream::host::HostNameGuard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::vector<std::string> lines = restreamfuzz::lines(restreamfuzz::text(data, size));
	HostNameGuard guard;
	try
	{
		guard = HostNameGuard(lines[0]);
		const Poco::StringTokenizer entries(lines[0], ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
		for (const std::string& entry : entries) FUZZ_CHECK(entry == "*" || guard.allows(entry));
	}
	catch (const Poco::InvalidArgumentException&)
	{
	}
	for (std::size_t i = 1; i < lines.size(); ++i)
	{
		const std::string name = HostNameGuard::hostName(lines[i]);
		const bool allowed = guard.allows(lines[i]);
		if (name.empty())
		{
			FUZZ_CHECK(!allowed);
			continue;
		}
		FUZZ_CHECK(name == Poco::toLower(name));
		FUZZ_CHECK(HostNameGuard::hostName(name) == name);
		FUZZ_CHECK(guard.allows(name) == allowed);
	}
	return 0;
}
