//
// hls-paths.cpp
//
// HlsPaths on any request path. Contract: a path is accepted only in the one
// spelling that HlsPaths itself writes for what it names (so a CDN caches
// each resource once, and nothing else ever reaches a file name).
//

#include "FuzzInput.h"
#include "HlsPaths.h"

using outputhls::HlsPaths;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string path = restreamfuzz::text(data, size);

	Poco::Int64 streamId = -1;
	if (HlsPaths::parseChannelPlaylist(path, streamId))
	{
		FUZZ_CHECK(streamId > 0);
		FUZZ_CHECK(path == HlsPaths::CHANNEL_PREFIX + std::to_string(streamId) + ".m3u8");
	}

	streamId = -1;
	std::string token;
	Poco::UInt64 sequence = 0;
	if (HlsPaths::parseSegment(path, streamId, token, sequence))
	{
		FUZZ_CHECK(streamId >= 0 && HlsPaths::isToken(token));
		const std::string folder = HlsPaths::segmentFolder(streamId, HlsPaths::PlaylistLocation::Root);
		FUZZ_CHECK(path == "/" + folder + HlsPaths::segmentName(token, sequence));
		FUZZ_CHECK("../" + folder == HlsPaths::segmentFolder(streamId, HlsPaths::PlaylistLocation::ChannelFolder));
	}
	return 0;
}
