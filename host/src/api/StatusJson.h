//
// StatusJson.h
//

#ifndef restream_host_StatusJson_INCLUDED
#define restream_host_StatusJson_INCLUDED

#include "restream/ChannelStatus.h"
#include "restream/PlaybackUrls.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <string>
#include <vector>

namespace restream::host {

class StatusJson
	/// The API's one shape of a channel's status and of playback URLs.
	/// Stateless; any thread.
{
public:
	static Poco::JSON::Object::Ptr channel(const ChannelStatus& status, const std::vector<PlaybackUrl>& urls);
		/// {"stream_id", "name", "number", "category_name", "state", "error",
		///  "error_code", "started_at", "uptime_s", "viewers", "bitrate_kbps",
		///  "reconnects", "last_packet_at", "pinned", "on_air", "holders", "urls"}

	static Poco::JSON::Array::Ptr urls(const std::vector<PlaybackUrl>& urls);
		/// [{"format", "url", "media_type"}]

	static std::string firstOf(const std::vector<PlaybackUrl>& urls, const std::string& format);
		/// The URL of the first entry of format, or empty.

	static std::string isoTime(const Poco::Timestamp& time);
};

} // namespace restream::host

#endif // restream_host_StatusJson_INCLUDED
