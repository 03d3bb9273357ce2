//
// SecureRandom.h
//
// Random bytes and strings from the kernel's CSPRNG.
//

#ifndef authjwt_SecureRandom_INCLUDED
#define authjwt_SecureRandom_INCLUDED

#include <cstddef>
#include <string>

namespace authjwt {

class SecureRandom
	/// Randomness for secrets, passwords and token ids, read with getrandom(2)
	/// (never a fallback to a weaker generator).
	/// Stateless; safe from any thread.
	/// Errors: Poco::SystemException if the kernel refuses.
{
public:
	static std::string bytes(std::size_t count);
		/// Returns count random bytes.

	static std::string hex(std::size_t count);
		/// Returns count random bytes as 2 * count lower-case hex digits.

	static std::string fromAlphabet(const std::string& alphabet, std::size_t length);
		/// Returns length characters drawn uniformly from alphabet (at most
		/// 256 distinct characters; rejection sampling, no modulo bias).
};

} // namespace authjwt

#endif // authjwt_SecureRandom_INCLUDED
