//
// xtream-json-repair.cpp
//
// JsonRepair on any bytes. Contract: what it mends is mended for good (a
// second repair changes nothing: the text is UTF-8 and no string holds a
// raw control character); it reports no change exactly when it made none;
// ASCII outside strings is kept byte for byte.
//

#include "FuzzInput.h"
#include "JsonRepair.h"

using sourcextream::JsonRepair;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input = restreamfuzz::text(data, size);
	std::string json = input;
	const std::size_t changed = JsonRepair::repair(json);
	FUZZ_CHECK((changed == 0) == (json == input));
	FUZZ_CHECK(changed <= input.size());
	std::string again = json;
	FUZZ_CHECK(JsonRepair::repair(again) == 0);
	FUZZ_CHECK(again == json);
	// a mended byte becomes at most three (U+FFFD): the document never grows beyond that
	FUZZ_CHECK(json.size() <= input.size() + 2 * changed);
	return 0;
}
