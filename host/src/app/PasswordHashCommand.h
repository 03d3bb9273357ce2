//
// PasswordHashCommand.h
//

#ifndef restream_host_PasswordHashCommand_INCLUDED
#define restream_host_PasswordHashCommand_INCLUDED

#include <iosfwd>
#include <string>

namespace restream::host {

class PasswordHashCommand
	/// `restream hash-password`: reads a password from the terminal (twice,
	/// without echo) or from the first line of standard input, and prints its
	/// bcrypt ($2b$, cost 12) crypt(3) hash for ADMIN_PASSWORD_HASH.
{
public:
	static int run(std::istream& input, std::ostream& output, std::ostream& errors, bool interactive);
		/// Returns the process exit code.

	static std::string hash(const std::string& password);
		/// The bcrypt hash of password. Throws Poco::SystemException if
		/// libxcrypt cannot make one.
};

} // namespace restream::host

#endif // restream_host_PasswordHashCommand_INCLUDED
