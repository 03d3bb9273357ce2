//
// ts-paths.cpp
//
// TsPaths on any request path of the tuner port. Contract: a channel path is
// accepted only as "/stream/<streamId>.ts" in its one spelling, streamId >= 1.
//

#include "FuzzInput.h"
#include "TsPaths.h"

using outputts::TsPaths;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string path = restreamfuzz::text(data, size);
	Poco::Int64 streamId = -1;
	if (TsPaths::parseChannel(path, streamId))
	{
		FUZZ_CHECK(streamId >= 1);
		FUZZ_CHECK(path == TsPaths::CHANNEL_PREFIX + std::to_string(streamId) + ".ts");
	}
	return 0;
}
