//
// UiEndpoints.h
//
// The dashboard's JSON endpoints and its preview: proxies of the API.
//

#ifndef restream_admin_UiEndpoints_INCLUDED
#define restream_admin_UiEndpoints_INCLUDED

#include "AdminSession.h"
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>
#include <string>

namespace Poco {
class Logger;
namespace Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Net
} // namespace Poco

namespace restream {
namespace admin {

class ApiClient;
class FavouritesStore;
class SessionStore;

class UiEndpoints
	/// For a signed-in session (AdminSite checked the session, and the
	/// Origin and CSRF token of every POST, before):
	///   GET  /ui/categories            API /categories
	///   GET  /ui/channels?category_id=&search=&limit=&offset=   API /channels
	///                                  (search: at most 800 bytes)
	///   GET  /ui/status                API /stream_status
	///   GET  /ui/account               API /account
	///   POST /ui/start {"stream_id"}   API /start_stream
	///   POST /ui/stop                  API /stop_stream
	///   GET  /ui/favourites, POST /ui/favourites {"channel": {...}, "favourite": bool}
	///   GET  /preview/live.m3u8        API /live.m3u8
	///   GET  /preview/hls/<digits>/<name>.ts   API /hls/<digits>/<name>.ts
	/// Only these exact shapes reach the API; parameters are checked and the
	/// query rebuilt. The API token goes in Authorization, the browser's
	/// address in X-Forwarded-For. The API's answer passes through (its
	/// {"detail"} errors included), except: 401 (the preview's too) ends the
	/// session and answers 401 {"detail", "signed_out": true}; an API that
	/// cannot be reached gives 502 {"detail"} naming the API's URL. A body
	/// that is not the JSON expected (a number out of range included) gets
	/// 400 {"detail"}.
	///
	/// Threads: handle() from many threads at once. Errors: handle() answers
	/// every failure; only Poco::Net exceptions of a client that has gone
	/// leave it. The references must outlive this object.
{
public:
	UiEndpoints(const ApiClient& api, SessionStore& sessions, FavouritesStore& favourites, Poco::Logger& logger);

	static bool handles(const std::string& path);
		/// True for a path under /ui/ or /preview/.

	void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const AdminSession& session,
		const std::string& path, const Poco::URI::QueryParameters& query, const std::string& client, const std::string& endedMessage);
		/// client is the browser's address, endedMessage the sentence (in the
		/// browser's language) that a 401 {"detail"} carries.

	static bool isBackground(const std::string& path);
		/// True for the requests the dashboard sends by itself, not because
		/// the user did something: the status and account polls and the
		/// preview. They do not count as a use of the session, so that an
		/// unattended dashboard idles out.

	static bool isSegmentPath(const std::string& path);
		/// True for exactly "/preview/hls/<1-19 digits>/<name>.ts", name being
		/// 1 to 64 characters of [0-9a-z-].

private:
	struct Call
		/// One request as the endpoints see it.
	{
		Poco::Net::HTTPServerRequest& request;
		Poco::Net::HTTPServerResponse& response;
		const AdminSession& session;
		const std::string& client;
		const std::string& endedMessage;
	};

	void channels(Call& call, const Poco::URI::QueryParameters& query);
	void start(Call& call);
	void favourites(Call& call);
	void proxyJson(Call& call, const std::string& method, const std::string& pathAndQuery, const std::string& body);
	void proxyMedia(Call& call, const std::string& apiPath, const std::string& contentType);
	void endSession(Call& call);
	bool readJson(Call& call, Poco::JSON::Object::Ptr& body);
	void unreachable(Call& call, const std::string& why);

	const ApiClient& _api;
	SessionStore& _sessions;
	FavouritesStore& _favourites;
	Poco::Logger& _logger;
};

} // namespace admin
} // namespace restream

#endif // restream_admin_UiEndpoints_INCLUDED
