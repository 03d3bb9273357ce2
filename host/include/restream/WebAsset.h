//
// WebAsset.h
//
// One file a plugin serves from memory: a page, a script, a style sheet.
//

#ifndef restream_WebAsset_INCLUDED
#define restream_WebAsset_INCLUDED

#include <cstddef>

namespace restream {

struct WebAsset
	/// A file embedded in a plugin at build time (see restream_embed_assets()
	/// in the SDK's CMake package). Plain data with static storage: nothing
	/// to free, safe to read from any thread.
{
	const char* path;              /// the URL path it answers, e.g. "/assets/player.js"
	const char* contentType;       /// e.g. "text/javascript; charset=utf-8"
	const unsigned char* data;     /// size bytes, followed by a NUL byte
	std::size_t size;
};

} // namespace restream

#endif // restream_WebAsset_INCLUDED
