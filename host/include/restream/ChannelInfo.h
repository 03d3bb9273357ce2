//
// ChannelInfo.h
//
// A channel of the catalog, as every plugin sees it.
//

#ifndef restream_ChannelInfo_INCLUDED
#define restream_ChannelInfo_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace restream {

struct ChannelInfo
	/// A live channel with what guides and media centres need. A value type;
	/// never credentials (a logo URL that would carry them is dropped by the
	/// host).
{
	Poco::Int64 streamId = 0;
		/// The source's id; positive and stable across catalog refreshes.

	std::string name;
		/// UTF-8, as the source names it.

	std::string number;
		/// The channel number viewers tune ("101"): the provider's number
		/// when it gives distinct ones, else the position in the catalog.
		/// Stable across refreshes as long as the provider's are.

	std::string epgId;
		/// The guide's channel id (M3U tvg-id, XMLTV <channel id>); may be empty.

	std::string logoUrl;
		/// http(s) URL of the logo; may be empty.

	std::string categoryId;
	std::string categoryName;
		/// May be empty.
};

} // namespace restream

#endif // restream_ChannelInfo_INCLUDED
