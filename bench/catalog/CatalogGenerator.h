//
// CatalogGenerator.h
//
// A get_live_streams answer as a large panel sends it, for tests and benchmarks.
//

#ifndef restream_xtream_bench_CatalogGenerator_INCLUDED
#define restream_xtream_bench_CatalogGenerator_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace restream {
namespace xtream {
namespace bench {

class CatalogGenerator
	/// Writes the JSON a panel answers to get_live_streams: every field real
	/// panels send (num, name, stream_type, stream_id, stream_icon,
	/// epg_channel_id, added, is_adult, category_id, category_ids,
	/// custom_sid, tv_archive, direct_source, tv_archive_duration), names
	/// in many scripts with accents, emoji and quotes, 40 categories.
	/// About 400 bytes per channel: 50 000 channels are about 20 MB.
	/// Deterministic; stateless.
{
public:
	struct Options
	{
		std::size_t channels = 50000;
		bool phpEscapes = false;   /// as PHP's json_encode by default: \uXXXX for non-ASCII, \/ for '/'
		bool idsAsStrings = false; /// "stream_id": "101" as older panels send it
	};

	static std::string liveStreams(const Options& options);
		/// The whole document.

	static std::string name(std::size_t index);
		/// The UTF-8 name of the channel at index.

	static Poco::Int64 streamId(std::size_t index);
		/// The stream_id of the channel at index.

private:
	static void appendString(std::string& out, const std::string& text, bool phpEscapes);
		/// text as a JSON string.
};

} // namespace bench
} // namespace xtream
} // namespace restream

#endif // restream_xtream_bench_CatalogGenerator_INCLUDED
