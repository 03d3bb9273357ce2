//
// RedirectTokens.cpp
//
// Library: fakeprovider
//


#include "RedirectTokens.h"
#include "Poco/NumberFormatter.h"


namespace fakeprovider {


const std::chrono::seconds RedirectTokens::TOKEN_LIFETIME(60);


RedirectTokens::RedirectTokens():
	_random(std::random_device()())
{
}


std::string RedirectTokens::issue(const Grant& grant)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const Clock::time_point now = Clock::now();
	for (auto it = _tokens.begin(); it != _tokens.end(); )
	{
		if (it->second.expires <= now) it = _tokens.erase(it);
		else ++it;
	}
	const std::string token = Poco::NumberFormatter::formatHex(_random(), 16) + Poco::NumberFormatter::formatHex(_random(), 16);
	_tokens[token] = Entry{grant, now + TOKEN_LIFETIME};
	return token;
}


bool RedirectTokens::redeem(const std::string& token, Grant& grant)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _tokens.find(token);
	if (it == _tokens.end() || it->second.expires <= Clock::now()) return false;
	grant = it->second.grant;
	return true;
}


} // namespace fakeprovider
