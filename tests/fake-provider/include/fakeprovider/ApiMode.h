//
// ApiMode.h
//
// Library: fakeprovider
//
// How the fake panel answers player_api.php.
//


#ifndef FakeProvider_ApiMode_INCLUDED
#define FakeProvider_ApiMode_INCLUDED


#include <string>


namespace fakeprovider {


enum class ApiMode
	/// How player_api.php answers (a global switch, see FakeProvider::setApiMode()).
	/// Stream URLs are affected only by EXPIRED, DISABLED and BANNED (they answer 403).
{
	NORMAL,   /// real-panel JSON, numbers as strings
	HTML,     /// 200 with an HTML error page (like a Cloudflare or nginx error page)
	TEXT,     /// 200 with the plain text "blocked"
	SLOW,     /// normal answer after the API delay (FakeProvider::setApiDelay())
	EXPIRED,  /// user_info status "Expired", auth 1, exp_date in the past; catalog actions answer []
	DISABLED, /// user_info status "Disabled", auth 1; catalog actions answer []
	BANNED,   /// user_info status "Banned", auth 1; catalog actions answer []
	NUMBERS   /// numbers as JSON numbers instead of strings, exp_date null (quirk coverage)
};


std::string apiModeName(ApiMode mode);
	/// Returns the lower-case name used by the HTTP control API ("normal", "html", ...).

bool parseApiMode(const std::string& name, ApiMode& mode);
	/// Sets mode from its lower-case name; returns false (mode untouched) for an unknown name.


} // namespace fakeprovider


#endif // FakeProvider_ApiMode_INCLUDED
