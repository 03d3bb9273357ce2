//
// FormFields.h
//
// The fields of a form the browser posts.
//

#ifndef uiadmin_FormFields_INCLUDED
#define uiadmin_FormFields_INCLUDED

#include <map>
#include <string>

namespace uiadmin {

class FormFields
	/// Reads an application/x-www-form-urlencoded body (the sign-in and
	/// sign-out forms), already bounded by the host (Route::maxBodySize()).
	/// Stateless; any thread. Errors: none.
{
public:
	static bool read(const std::string& body, std::map<std::string, std::string>& fields);
		/// Fills fields (the last value of a repeated name wins); false when
		/// the body is not a form (a malformed escape) or beyond the limits of
		/// Poco::Net::HTMLForm: more than 100 fields, a name over 1 KiB or a
		/// value over 256 KiB, as sent (escaped).
};

} // namespace uiadmin

#endif // uiadmin_FormFields_INCLUDED
