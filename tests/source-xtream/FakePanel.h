//
// FakePanel.h
//
// A tiny HTTP server on 127.0.0.1 that gives canned answers, for the HTTP tests.
//

#ifndef restream_xtream_test_FakePanel_INCLUDED
#define restream_xtream_test_FakePanel_INCLUDED

#include <Poco/Event.h>
#include <Poco/Mutex.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace restream {
namespace xtream {
namespace test {

struct CannedAnswer
	/// What the fake panel sends for one route.
{
	int status = 200;
	std::string body;
	std::map<std::string, std::string> headers;
	int delayMs = 0;               /// wait before answering
	int dripChunks = 0;            /// > 0: send the body in this many chunks...
	int dripIntervalMs = 0;        /// ...this far apart (chunked encoding)
	long long contentLength = -1;  /// >= 0: claim this length whatever the body
};

struct RecordedRequest
	/// What the fake panel received.
{
	std::string path;
	std::string action;            /// the action query parameter, "" if none
	std::string username;          /// decoded query parameters
	std::string password;
	std::string userAgent;
	std::string accept;
};

class FakePanel
	/// Serves canned answers by route: the path plus, for player_api.php,
	/// the action ("/player_api.php", "/player_api.php?get_live_streams").
	/// Unknown routes answer 404. Every request is recorded. Thread-safe.
{
public:
	explicit FakePanel(bool tls = false);
		/// With tls, serves https with the self-signed certificate of
		/// data/selfsigned-cert.pem (localhost, 127.0.0.1), which no CA trusts.
	~FakePanel();
		/// Stops the server; waiting handlers are woken at once.

	unsigned short port() const;
	std::string url() const;
		/// "http://127.0.0.1:PORT" (or https).

	void route(const std::string& route, const CannedAnswer& answer);
	std::vector<RecordedRequest> requests() const;
	std::size_t count(const std::string& action) const;
		/// How many player_api.php requests had this action ("" for none).

	static std::string accountJson(const std::string& status = "Active",
		const std::string& formats = "[\"m3u8\", \"ts\", \"rtmp\"]");
		/// A realistic account answer with auth 1, the status and the
		/// allowed_output_formats given (a JSON array).

private:
	class Handler;
	class Factory;
	friend class Handler;

	CannedAnswer answerFor(const std::string& route) const;
	void record(const RecordedRequest& request);

	std::map<std::string, CannedAnswer> _routes;
	std::vector<RecordedRequest> _requests;
	mutable Poco::FastMutex _mutex;
	Poco::Event _stopping{Poco::Event::EVENT_MANUALRESET};
	const bool _tls;
	Poco::ThreadPool _pool{2, 16};
	std::unique_ptr<Poco::Net::HTTPServer> _server;
};

} // namespace test
} // namespace xtream
} // namespace restream

#endif // restream_xtream_test_FakePanel_INCLUDED
