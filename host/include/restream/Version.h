//
// Version.h
//
// The plugin API version and the build signature that a plugin must share
// with the host that loads it.
//

#ifndef restream_Version_INCLUDED
#define restream_Version_INCLUDED

#include <Poco/Version.h>
#include <string>

extern "C" {
#include <libavcodec/version.h>
#include <libavformat/version.h>
#include <libavutil/version.h>
}

/// The plugin API version, separate from the product version.
/// Rules, checked by the host before any manifest is read:
///   - the major must equal the host's: a major bump means an interface changed;
///   - the minor must not be newer than the host's: a minor bump only adds
///     (new interfaces, new methods with defaults appended at the end).
#define RESTREAM_PLUGIN_API_MAJOR 2
#define RESTREAM_PLUGIN_API_MINOR 1

/// Marks a type or function whose symbol must be seen across the boundary
/// between the host and plugins built with hidden visibility.
#define RESTREAM_API __attribute__((visibility("default")))

namespace restream {

inline std::string buildSignature()
	/// Returns what must be identical for a plugin and the host to share
	/// C++ objects: compiler family and major, C++ ABI version and the
	/// libstdc++ string ABI, the Poco major.minor (Poco's ABI changes with
	/// its minor) and the FFmpeg library majors.
{
	std::string signature;
#if defined(__clang__)
	signature += "clang-" + std::to_string(__clang_major__);
#elif defined(__GNUC__)
	signature += "gcc-" + std::to_string(__GNUC__);
#else
	signature += "unknown-compiler";
#endif
#if defined(__GXX_ABI_VERSION)
	signature += " cxxabi-" + std::to_string(__GXX_ABI_VERSION);
#endif
#if defined(_GLIBCXX_USE_CXX11_ABI)
	signature += " cxx11-strings-" + std::to_string(_GLIBCXX_USE_CXX11_ABI);
#endif
	signature += " poco-" + std::to_string((POCO_VERSION >> 24) & 0xFF) + "." + std::to_string((POCO_VERSION >> 16) & 0xFF);
	signature += " avformat-" + std::to_string(LIBAVFORMAT_VERSION_MAJOR);
	signature += " avcodec-" + std::to_string(LIBAVCODEC_VERSION_MAJOR);
	signature += " avutil-" + std::to_string(LIBAVUTIL_VERSION_MAJOR);
	return signature;
}

} // namespace restream

#endif // restream_Version_INCLUDED
