//
// FirstStart.cpp
//

#include "FirstStart.h"
#include "PasswordHash.h"
#include "PrivateFile.h"
#include "SecureRandom.h"
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <ostream>

namespace authjwt {

const std::string FirstStart::PASSWORD_HASH_FILE("admin-password.hash");
const std::string FirstStart::PASSWORD_FILE("initial-admin-password");
const std::string FirstStart::SECRET_FILE("jwt-secret");
const std::string FirstStart::PASSWORD_ALPHABET("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");

FirstStart::FirstStart(const std::string& directory, Poco::Logger& logger, std::ostream& console, SecretSink secrets):
	_directory(directory),
	_logger(logger),
	_console(console),
	_secrets(std::move(secrets))
{
}

std::string FirstStart::adminPasswordHash(const std::string& username)
{
	const std::string hashPath = pathOf(PASSWORD_HASH_FILE);
	const std::string passwordPath = pathOf(PASSWORD_FILE);
	if (PrivateFile::exists(hashPath))
	{
		if (PrivateFile::exists(passwordPath)) _secrets(PrivateFile::read(passwordPath, _logger));
		const std::string kept = PrivateFile::read(hashPath, _logger);
		_secrets(kept);
		return kept;
	}

	const std::string password = SecureRandom::fromAlphabet(PASSWORD_ALPHABET, PASSWORD_LENGTH);
	_secrets(password);
	const std::string hash = PasswordHash::generate(password);
	_secrets(hash);
	PrivateFile::write(passwordPath, password);
	PrivateFile::write(hashPath, hash);
	printNotice(username, password, passwordPath);
	_logger.warning("First start: no admin password hash is configured, so a password was generated for user '" +
		username + "'. It was printed on the console and is kept in " + passwordPath +
		" (mode 0600). Set adminPasswordHash to use a password of your own.");
	return hash;
}

std::string FirstStart::jwtSecret()
{
	const std::string path = pathOf(SECRET_FILE);
	if (PrivateFile::exists(path))
	{
		const std::string kept = PrivateFile::read(path, _logger);
		_secrets(kept);
		return kept;
	}

	const std::string secret = SecureRandom::hex(SECRET_BYTES);
	_secrets(secret);
	PrivateFile::write(path, secret);
	_logger.information("Generated the JWT signing secret in " + path + " (mode 0600).");
	return secret;
}

std::string FirstStart::pathOf(const std::string& name) const
{
	return Poco::Path(Poco::Path::forDirectory(_directory), name).toString();
}

void FirstStart::printNotice(const std::string& username, const std::string& password, const std::string& path)
{
	const std::string rule(72, '=');
	_console << '\n'
			 << rule << '\n'
			 << "  restream auth-jwt: FIRST START - an admin password was generated\n"
			 << "\n"
			 << "      username: " << username << '\n'
			 << "      password: " << password << '\n'
			 << "\n"
			 << "  It is also kept in " << path << "\n"
			 << "  (readable by this user only). Sign in with it and keep it safe, or set\n"
			 << "  plugins.auth-jwt.adminPasswordHash (ADMIN_PASSWORD_HASH) to a crypt(3)\n"
			 << "  hash of your own and delete that file. This notice is not repeated.\n"
			 << rule << '\n'
			 << std::endl;
}

} // namespace authjwt
