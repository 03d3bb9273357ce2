//
// RandomToken.cpp
//

#include "RandomToken.h"
#include <Poco/Exception.h>
#include <cerrno>
#include <cstring>
#include <sys/random.h>

namespace uiadmin {

namespace {

const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const std::size_t BYTES = 32;
const std::size_t LENGTH = 43; // 256 bits in base64url, without padding

} // namespace

std::string RandomToken::generate()
{
	unsigned char bytes[BYTES + 1] = {0}; // one spare byte: the last group of 6 bits reads past the 32nd
	std::size_t filled = 0;
	while (filled < BYTES)
	{
		const ssize_t n = ::getrandom(bytes + filled, BYTES - filled, 0);
		if (n < 0)
		{
			if (errno == EINTR) continue;
			throw Poco::SystemException("getrandom() failed", std::strerror(errno));
		}
		filled += static_cast<std::size_t>(n);
	}
	std::string token;
	token.reserve(LENGTH);
	for (std::size_t bit = 0; token.size() < LENGTH; bit += 6)
	{
		const std::size_t byte = bit / 8;
		const unsigned pair = (static_cast<unsigned>(bytes[byte]) << 8) | bytes[byte + 1];
		token += ALPHABET[(pair >> (10 - bit % 8)) & 0x3F];
	}
	return token;
}

bool RandomToken::looksValid(const std::string& token)
{
	if (token.size() != LENGTH) return false;
	for (const char c : token)
	{
		if (std::strchr(ALPHABET, c) == nullptr || c == '\0') return false;
	}
	return true;
}

} // namespace uiadmin
