//
// FakeApi.h
//
// A stand-in for restream's REST API, to see what the admin sends it and
// make it answer what a test needs.
//

#ifndef restream_test_FakeApi_INCLUDED
#define restream_test_FakeApi_INCLUDED

#include <Poco/Mutex.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Types.h>
#include <memory>
#include <string>
#include <vector>

namespace restream {
namespace test {

class FakeApi
	/// A real HTTP server on 127.0.0.1 (ephemeral port) answering:
	///   POST /auth/login      200 with TOKEN for the password "right", 429
	///                         (Retry-After: 42) for "throttled", else 401
	/// and, for "Bearer TOKEN" unless revoked (else 401 {"detail"}):
	///   GET  /stream_status   200 STATUS
	///   GET  /channels?...    200 {"channels": [], "total": 0}
	///   POST /start_stream    200 {"state": "starting", ...}
	///   GET  /live.m3u8       200 a playlist; GET /hls/... 200 "segment"
	///                         (video/mp4, immutable, for .mp4 and .m4s),
	///                         404 for the token GONE_TOKEN
	///   GET  /live.ll.m3u8    200 LOW_LATENCY_PLAYLIST, unless withoutLowLatency();
	///                         with _HLS_msn=TOO_FAR 400 {"detail"}, with
	///                         _HLS_msn=HELD answered after HOLD (a blocked reload)
	///   GET  /channels/101/logo  200 LOGO as image/png; /channels/103/logo
	///                         200 an HTML page
	///   anything else         404 {"detail"}
	/// It remembers every request's URI, and the last request's
	/// X-Forwarded-For, Authorization, Host and body.
	/// Threads: the server's; every method is thread-safe.
{
public:
	static const std::string TOKEN;
	static const std::string STATUS;
		/// The /stream_status answer: a channel in error, with urls and player_url.
	static const std::string LOGO;
		/// The logo of channel 101.
	static const std::string LOW_LATENCY_PLAYLIST;
	static const std::string TOO_FAR;
	static const std::string HELD;
	static constexpr long HOLD_MS = 3000; /// longer than the test's API timeout
	static const std::string GONE_TOKEN;

	FakeApi();
	~FakeApi();

	Poco::UInt16 port() const;
	std::string url() const;
		/// "http://127.0.0.1:<port>".
	void stop();
	void revoke();
		/// From now on, the token is refused (401), as an expired one.
	void withoutLowLatency();
		/// From now on, /live.ll.m3u8 is 404, as on an API without that rendition.

	std::string lastForwardedFor() const;
	std::string lastAuthorization() const;
	std::string lastHost() const;
	std::string lastUri() const;
	std::string lastBody() const;
	std::vector<std::string> uris() const;

	struct Seen
	{
		std::string uri;
		std::string forwardedFor;
		std::string authorization;
		std::string host;
		std::string body;
	};

	void record(const Seen& seen);
	bool revoked() const;
	bool lowLatency() const;

private:
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	Poco::UInt16 _port = 0;
	mutable Poco::FastMutex _mutex;
	std::vector<Seen> _seen;
	bool _revoked = false;
	bool _lowLatency = true;
};

} // namespace test
} // namespace restream

#endif // restream_test_FakeApi_INCLUDED
