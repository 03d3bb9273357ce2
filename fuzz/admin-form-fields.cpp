//
// admin-form-fields.cpp
//
// FormFields on any posted body (sign-in, sign-out). Contract: nothing
// throws; a form read, written back in application/x-www-form-urlencoded,
// reads as the same fields.
//

#include "FormFields.h"
#include "FuzzInput.h"
#include <cstdio>

using uiadmin::FormFields;

namespace {

std::string encoded(const std::string& text)
	/// text with what a form cannot carry as is escaped, and nothing more: the
	/// body written back is then no longer than the one read, and within
	/// HTMLForm's limits whenever that was.
{
	std::string result;
	for (const char c : text)
	{
		if (c == '%' || c == '&' || c == '=' || c == '+')
		{
			char escape[4];
			std::snprintf(escape, sizeof(escape), "%%%02X", static_cast<unsigned char>(c));
			result += escape;
		}
		else
		{
			result += c;
		}
	}
	return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	std::map<std::string, std::string> fields;
	if (!FormFields::read(restreamfuzz::text(data, size), fields)) return 0;

	std::string body;
	for (const auto& field : fields) body += (body.empty() ? "" : "&") + encoded(field.first) + "=" + encoded(field.second);
	std::map<std::string, std::string> again;
	FUZZ_CHECK(FormFields::read(body, again));
	FUZZ_CHECK(again == fields);
	return 0;
}
