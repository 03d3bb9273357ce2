//
// RedirectTarget.cpp
//

#include "RedirectTarget.h"
#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace uiadmin {

namespace {

const std::size_t MAX_LENGTH = 512;

} // namespace

std::string RedirectTarget::safe(const std::string& next)
{
	if (next.empty() || next.size() > MAX_LENGTH || !plainPath(next, false)) return "/";
	// what the browser sees after decoding must be a plain path too, however many times it decodes:
	// a decoding that changes the text shortens it, so this ends
	for (std::string decoded = next;;)
	{
		std::string once;
		try
		{
			Poco::URI::decode(decoded, once);
		}
		catch (const Poco::SyntaxException&)
		{
			return "/";
		}
		if (once == decoded) return next;
		if (!plainPath(once, true)) return "/";
		decoded = once;
	}
}

bool RedirectTarget::plainPath(const std::string& path, bool decoded)
{
	if (path.empty() || path[0] != '/') return false;
	if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
	for (const char c : path)
	{
		const auto byte = static_cast<unsigned char>(c);
		if (byte < 0x20 || byte == 0x7F || (byte > 0x7F && !decoded)) return false;
		if (c == '\\' || c == '#' || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`') return false;
	}
	return true;
}

} // namespace uiadmin
