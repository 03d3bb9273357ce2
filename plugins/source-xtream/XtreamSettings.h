//
// XtreamSettings.h
//
// The account and client settings of an Xtream source, as read at start.
//

#ifndef sourcextream_XtreamSettings_INCLUDED
#define sourcextream_XtreamSettings_INCLUDED

#include <Poco/Timespan.h>
#include <string>

namespace sourcextream {

struct XtreamSettings
	/// What XtreamSource needs besides the server's address. A value type;
	/// it holds the password: never log it.
{
	std::string username;                           /// raw, as the provider issued it
	std::string password;                           /// raw, as the provider issued it
	std::string userAgent;                          /// sent on every call and with every stream; none when empty
	Poco::Timespan timeout = Poco::Timespan(10, 0); /// connect, send and each wait for data of one call
	bool hls = false;                               /// true: play .m3u8 (HLS) even if the account allows ts
};

} // namespace sourcextream

#endif // sourcextream_XtreamSettings_INCLUDED
