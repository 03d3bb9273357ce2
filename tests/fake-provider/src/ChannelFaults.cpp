//
// ChannelFaults.cpp
//
// Library: fakeprovider
//


#include "fakeprovider/ChannelFaults.h"


namespace fakeprovider {


bool ChannelFaults::operator == (const ChannelFaults& other) const
{
	return dropAfter == other.dropAfter && stall == other.stall && status == other.status
		&& garbage == other.garbage && redirects == other.redirects && redirectLoop == other.redirectLoop
		&& bitRateMbps == other.bitRateMbps && oversizedPes == other.oversizedPes && hlsLoop == other.hlsLoop;
}


} // namespace fakeprovider
