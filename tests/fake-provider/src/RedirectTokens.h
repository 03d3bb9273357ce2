//
// RedirectTokens.h
//
// Library: fakeprovider
//
// Tokens of the /lb/TOKEN/ID.ts redirect targets.
//


#ifndef FakeProvider_RedirectTokens_INCLUDED
#define FakeProvider_RedirectTokens_INCLUDED


#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <string>


namespace fakeprovider {


class RedirectTokens
	/// Issues the opaque tokens of load-balancer style redirects, like real panels, so the
	/// redirect target carries no credentials. A token is valid for TOKEN_LIFETIME and may be
	/// used several times within it. Thread-safe.
{
public:
	struct Grant
	{
		int channelId = 0;
		int remaining = 0;  /// redirects still to make before streaming
		bool loop = false;  /// redirect forever
	};

	static const std::chrono::seconds TOKEN_LIFETIME;

	RedirectTokens();

	std::string issue(const Grant& grant);
		/// Returns a new token (32 hex digits) for the grant.

	bool redeem(const std::string& token, Grant& grant);
		/// Sets grant and returns true for a valid, unexpired token.

private:
	using Clock = std::chrono::steady_clock;

	struct Entry
	{
		Grant grant;
		Clock::time_point expires;
	};

	std::mutex _mutex;
	std::mt19937_64 _random;
	std::map<std::string, Entry> _tokens;
};


} // namespace fakeprovider


#endif // FakeProvider_RedirectTokens_INCLUDED
