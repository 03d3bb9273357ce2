//
// PrivateFile.h
//
// Small files that only the host's own user may read.
//

#ifndef authjwt_PrivateFile_INCLUDED
#define authjwt_PrivateFile_INCLUDED

#include <string>

namespace Poco {
class Logger;
}

namespace authjwt {

class PrivateFile
	/// A file of one line of text with mode 0600, for a secret or a password.
	/// Stateless; safe from any thread for different paths.
	/// Errors: Poco::FileException (or a subclass) with the path and the cause.
{
public:
	static bool exists(const std::string& path);
		/// True if anything (even a dangling symbolic link) is at path.

	static std::string read(const std::string& path, Poco::Logger& logger);
		/// Returns the file's text without trailing white space. A file that
		/// group or others may access is set back to mode 0600, with a warning
		/// through logger. Refuses anything but a regular file (a symbolic
		/// link too) and files larger than 64 KiB.

	static void write(const std::string& path, const std::string& text);
		/// Writes text and a newline to a new file with mode 0600 next to
		/// path, then renames it to path, so path is never seen half written
		/// nor readable by others.
};

} // namespace authjwt

#endif // authjwt_PrivateFile_INCLUDED
