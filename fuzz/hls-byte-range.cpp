//
// hls-byte-range.cpp
//
// ByteRange on any Range header: the first input line is the size of the
// body in bytes (decimal), the second the header.
// Contract: a partial answer lies inside the body, and ends at its last byte
// when it asks for a suffix or an open end; nothing else has a length.
//

#include "ByteRange.h"
#include "FuzzInput.h"

using outputhls::ByteRange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::vector<std::string> lines = restreamfuzz::lines(restreamfuzz::text(data, size));
	if (lines.size() < 2 || lines[0].empty() || lines[0].size() > 19 || lines[0].find_first_not_of("0123456789") != std::string::npos)
		return 0;
	const std::size_t bodySize = std::stoull(lines[0]);
	const std::string& header = lines[1];

	const ByteRange range = ByteRange::parse(header, bodySize);
	if (range.kind() != ByteRange::Kind::Partial)
	{
		FUZZ_CHECK(range.length() == 0);
		if (range.kind() == ByteRange::Kind::Unsatisfiable) FUZZ_CHECK(header.find('-') != std::string::npos);
		return 0;
	}
	FUZZ_CHECK(range.first() <= range.last() && range.last() < bodySize);
	FUZZ_CHECK(range.length() == range.last() - range.first() + 1 && range.length() <= bodySize);
	if (header.back() == '-' || header.find("=-") != std::string::npos) FUZZ_CHECK(range.last() == bodySize - 1);
	return 0;
}
