//
// UrlInputOptions.h
//

#ifndef restream_host_UrlInputOptions_INCLUDED
#define restream_host_UrlInputOptions_INCLUDED

#include <Poco/Timespan.h>

namespace restream::host {

struct UrlInputOptions
	/// How a channel's upstream is opened (keys live.*). A value type.
{
	Poco::Timespan readTimeout = Poco::Timespan(5, 0);        /// rw_timeout: a stall longer than this fails the read
	int probeSize = 1000000;                                  /// bytes probed for stream info (bounded for a fast start)
	Poco::Timespan analyzeDuration = Poco::Timespan(0, 1500000); /// media probed for stream info
	int maxRedirects = 2;                                     /// HTTP redirects followed
	int audioBitRate = 128000;                                /// AAC bit rate when audio is transcoded (stereo)
	int maxBitRate = 40000000;                                /// bits per second from the provider beyond which the session ends
	long long maxPictureBytes = 16 * 1024 * 1024;             /// bytes read without a complete video frame beyond which the session ends
};

} // namespace restream::host

#endif // restream_host_UrlInputOptions_INCLUDED
