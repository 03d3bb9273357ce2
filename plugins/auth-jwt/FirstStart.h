//
// FirstStart.h
//
// The credentials made at the first start when none are configured.
//

#ifndef authjwt_FirstStart_INCLUDED
#define authjwt_FirstStart_INCLUDED

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

namespace Poco {
class Logger;
}

namespace authjwt {

class FirstStart
	/// Makes, at the first start, the credentials that were not configured,
	/// and keeps them in the plugin's state directory, each with mode 0600:
	///   - admin-password.hash: the bcrypt hash of a generated admin password;
	///   - initial-admin-password: that password, for the admin to read later;
	///   - jwt-secret: a random 256-bit secret that signs the tokens.
	/// Later starts reuse them. There is never a default password. Every
	/// secret it makes or reads (the password, its hash, the JWT secret) is
	/// handed to the secret sink before anything is logged, so that the
	/// host masks it in every log line.
	///
	/// Threads: used from Plugin::start() only.
	/// Errors: Poco::FileException for the files, Poco::SystemException when
	/// no randomness or hash can be had.
{
public:
	using SecretSink = std::function<void(const std::string& secret)>;
		/// PluginContext::addSecret(), in the plugin.

	FirstStart(const std::string& directory, Poco::Logger& logger, std::ostream& console, SecretSink secrets);
		/// directory is the plugin's state directory; logger and console
		/// must outlive this object.

	std::string adminPasswordHash(const std::string& username);
		/// Returns the hash kept in admin-password.hash. When there is none,
		/// generates a password, writes both files, prints a notice with
		/// username, password and file to console (which should never be a
		/// log file), and logs a warning that names the file but never the
		/// password.

	std::string jwtSecret();
		/// Returns the secret kept in jwt-secret, generated first if absent.

	std::string pathOf(const std::string& name) const;
		/// The path of a file of the state directory.

	static const std::string PASSWORD_HASH_FILE;
	static const std::string PASSWORD_FILE;
	static const std::string SECRET_FILE;
	static const std::string PASSWORD_ALPHABET; /// no 0/O, 1/l/I
	static constexpr std::size_t PASSWORD_LENGTH = 20;
	static constexpr std::size_t SECRET_BYTES = 32;

private:
	void printNotice(const std::string& username, const std::string& password, const std::string& path);

	std::string _directory;
	Poco::Logger& _logger;
	std::ostream& _console;
	const SecretSink _secrets;
};

} // namespace authjwt

#endif // authjwt_FirstStart_INCLUDED
