//
// ChannelInfo.h
//

#ifndef restream_ChannelInfo_INCLUDED
#define restream_ChannelInfo_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace restream {

struct ChannelInfo
	/// Which channel a sink serves. A value type; never credentials.
{
	Poco::Int64 streamId = 0;
	std::string name;
	std::string categoryName;
};

} // namespace restream

#endif // restream_ChannelInfo_INCLUDED
