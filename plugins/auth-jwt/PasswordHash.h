//
// PasswordHash.h
//
// A crypt(3) password hash, verified and generated with libxcrypt.
//

#ifndef authjwt_PasswordHash_INCLUDED
#define authjwt_PasswordHash_INCLUDED

#include <string>

namespace authjwt {

class PasswordHash
	/// One password hash in crypt(3) form: bcrypt ($2b$, $2y$, $2a$),
	/// sha512-crypt ($6$) or yescrypt ($y$). Nothing else is accepted, so a
	/// typo in the configuration can never open the door.
	///
	/// Immutable once built; verify() is safe from any thread (crypt_r with
	/// a crypt_data of its own per call).
{
public:
	explicit PasswordHash(const std::string& hash);
		/// Checks hash: a supported scheme, only crypt characters, and
		/// libxcrypt must accept it and produce a hash of the same shape
		/// (costs one hash computation). Throws
		/// Poco::InvalidArgumentException with a message saying which forms
		/// are supported; the message never contains the hash.

	bool verify(const std::string& password) const;
		/// True if password hashes to this hash; the result is compared in
		/// constant time. False for a password containing a NUL byte or one
		/// that libxcrypt refuses (longer than 511 bytes). Never throws.

	static std::string generate(const std::string& password);
		/// Returns a new bcrypt ($2b$, cost 12) hash of password with a salt
		/// from the kernel's CSPRNG. Throws Poco::SystemException on failure.

private:
	std::string _hash;
};

} // namespace authjwt

#endif // authjwt_PasswordHash_INCLUDED
