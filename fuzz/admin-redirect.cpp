//
// admin-redirect.cpp
//
// RedirectTarget on any next= parameter. Contract: the answer is next itself
// or "/", and it stays on this site however many times it is
// percent-decoded: a path ("/..."), never "//host" or "/\host", without
// control characters, blanks or backslashes; as sent, it is ASCII.
//

#include "FuzzInput.h"
#include "RedirectTarget.h"
#include <Poco/Exception.h>
#include <Poco/URI.h>

using uiadmin::RedirectTarget;

namespace {

bool local(const std::string& path)
{
	if (path.empty() || path[0] != '/') return false;
	if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
	for (const char c : path)
	{
		const auto byte = static_cast<unsigned char>(c);
		if (byte < 0x20 || byte == 0x7F || c == '\\' || c == ' ') return false;
	}
	return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string next = restreamfuzz::text(data, size);
	const std::string target = RedirectTarget::safe(next);
	FUZZ_CHECK(target == "/" || target == next);
	for (const char c : target) FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
	// every decoding shortens the text, so this ends
	std::string decoded = target;
	for (;;)
	{
		FUZZ_CHECK(local(decoded));
		std::string once;
		try
		{
			Poco::URI::decode(decoded, once);
		}
		catch (const Poco::SyntaxException&)
		{
			break;
		}
		if (once == decoded) break;
		decoded = once;
	}
	return 0;
}
