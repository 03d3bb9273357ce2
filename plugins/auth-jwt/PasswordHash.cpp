//
// PasswordHash.cpp
//

#include "PasswordHash.h"
#include "ConstantTime.h"
#include <Poco/Exception.h>
#include <crypt.h>
#include <memory>

namespace authjwt {

namespace {

const char* const SUPPORTED = "bcrypt ($2b$, $2y$, $2a$), sha512-crypt ($6$) or yescrypt ($y$)";

bool hasSupportedPrefix(const std::string& hash)
{
	for (const char* prefix : {"$2b$", "$2y$", "$2a$", "$6$", "$y$"})
	{
		if (hash.compare(0, std::char_traits<char>::length(prefix), prefix) == 0) return true;
	}
	return false;
}

bool hasOnlyCryptCharacters(const std::string& hash)
{
	for (const char c : hash)
	{
		const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
			c == '/' || c == '$' || c == '=';
		if (!ok) return false;
	}
	return true;
}

std::string hashWith(const std::string& password, const std::string& setting)
	/// crypt_r(), or "" when libxcrypt refuses the setting.
{
	auto data = std::make_unique<crypt_data>();
	const char* result = ::crypt_r(password.c_str(), setting.c_str(), data.get());
	if (result == nullptr || result[0] == '*') return std::string();
	return result;
}

} // namespace

PasswordHash::PasswordHash(const std::string& hash): _hash(hash)
{
	if (!hasSupportedPrefix(hash))
		throw Poco::InvalidArgumentException(std::string("unsupported password hash: expected ") + SUPPORTED);
	if (!hasOnlyCryptCharacters(hash) || hashWith("", hash).size() != hash.size())
		throw Poco::InvalidArgumentException(std::string("malformed password hash: expected a complete ") + SUPPORTED +
			" hash as produced by mkpasswd or htpasswd -B");
}

bool PasswordHash::verify(const std::string& password) const
{
	if (password.find('\0') != std::string::npos) return false;
	try
	{
		return ConstantTime::equals(hashWith(password, _hash), _hash);
	}
	catch (...)
	{
		return false;
	}
}

std::string PasswordHash::generate(const std::string& password)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	if (::crypt_gensalt_rn("$2b$", 12, nullptr, 0, setting, sizeof(setting)) == nullptr)
		throw Poco::SystemException("crypt_gensalt_rn() could not make a bcrypt salt");
	const std::string hash = hashWith(password, setting);
	if (hash.empty()) throw Poco::SystemException("crypt_r() could not hash the password");
	return hash;
}

} // namespace authjwt
