//
// ServedContent.h
//

#ifndef restream_bench_ServedContent_INCLUDED
#define restream_bench_ServedContent_INCLUDED

#include <string>
#include <string_view>
#include <vector>

namespace restream::bench {

class ServedContent
	/// The bytes every server of bench/serving answers, read into memory once:
	/// /segment.ts (video/mp2t), /live.m3u8 (application/vnd.apple.mpegurl) and /health (text/plain).
	/// Immutable after construction: any number of threads may call find() at once.
{
public:
	struct Resource
	{
		std::string_view body;         /// valid as long as the ServedContent
		std::string_view contentType;
	};

	ServedContent(const std::string& segmentFile, const std::string& playlistFile);
		/// Reads both files; throws std::runtime_error naming a file that cannot be read.

	const Resource* find(std::string_view target) const;
		/// The resource at the request target's path (a query string is ignored), or nullptr.

	std::vector<const Resource*> resources() const;
		/// Every resource find() can return.

private:
	std::string _segment;
	std::string _playlist;
	Resource _segmentResource;
	Resource _playlistResource;
	Resource _healthResource;
};

} // namespace restream::bench

#endif // restream_bench_ServedContent_INCLUDED
