//
// admin-form-fields.cpp
//
// FormFields on any posted body (sign-in, sign-out). Contract: nothing
// throws; a form read, written back in application/x-www-form-urlencoded
// (Poco::URI::encode), reads as the same fields.
//

#include "FormFields.h"
#include "FuzzInput.h"
#include <Poco/URI.h>

using uiadmin::FormFields;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	std::map<std::string, std::string> fields;
	if (!FormFields::read(restreamfuzz::text(data, size), fields)) return 0;

	std::string body;
	for (const auto& field : fields)
	{
		if (!body.empty()) body += '&';
		Poco::URI::encode(field.first, "&=+;", body);
		body += '=';
		Poco::URI::encode(field.second, "&=+;", body);
	}
	std::map<std::string, std::string> again;
	FUZZ_CHECK(FormFields::read(body, again));
	FUZZ_CHECK(again == fields);
	return 0;
}
