//
// SecureRandom.cpp
//

#include "SecureRandom.h"
#include <Poco/Exception.h>
#include <cerrno>
#include <cstring>
#include <sys/random.h>

namespace authjwt {

std::string SecureRandom::bytes(std::size_t count)
{
	std::string result(count, '\0');
	std::size_t filled = 0;
	while (filled < count)
	{
		const ssize_t n = ::getrandom(&result[filled], count - filled, 0);
		if (n < 0)
		{
			if (errno == EINTR) continue;
			throw Poco::SystemException("getrandom() failed", std::strerror(errno));
		}
		filled += static_cast<std::size_t>(n);
	}
	return result;
}

std::string SecureRandom::hex(std::size_t count)
{
	static const char digits[] = "0123456789abcdef";
	const std::string raw = bytes(count);
	std::string result;
	result.reserve(2 * count);
	for (const char c : raw)
	{
		const auto byte = static_cast<unsigned char>(c);
		result += digits[byte >> 4];
		result += digits[byte & 0x0F];
	}
	return result;
}

std::string SecureRandom::fromAlphabet(const std::string& alphabet, std::size_t length)
{
	if (alphabet.empty() || alphabet.size() > 256)
		throw Poco::InvalidArgumentException("SecureRandom::fromAlphabet needs 1 to 256 characters");
	// Accept only bytes below the largest multiple of the alphabet's size.
	const unsigned limit = 256 - (256 % static_cast<unsigned>(alphabet.size()));
	std::string result;
	result.reserve(length);
	while (result.size() < length)
	{
		for (const char c : bytes(length))
		{
			const auto byte = static_cast<unsigned char>(c);
			if (byte < limit && result.size() < length) result += alphabet[byte % alphabet.size()];
		}
	}
	return result;
}

} // namespace authjwt
