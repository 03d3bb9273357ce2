//
// ApiProxy.h
//
// The dashboard's endpoints passing a call on to the API and its answer back.
//

#ifndef uiadmin_ApiProxy_INCLUDED
#define uiadmin_ApiProxy_INCLUDED

#include "AdminSession.h"
#include "ApiClient.h"
#include "SessionStore.h"
#include "Translations.h"
#include "restream/RouteRequest.h"
#include "restream/RouteResponse.h"
#include <Poco/Timespan.h>
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace uiadmin {

class ApiProxy
	/// Calls the API with the session's token (kept on the server, never
	/// sent to the browser) on behalf of the browser (ApiClient), then:
	///   - 401 from the API (an expired or revoked token, the preview's
	///     too) ends the session and answers 401 {"detail", "signed_out": true};
	///   - an API that cannot be reached answers 502 {"detail"} naming the
	///     API's URL (logged);
	///   - json(): any other answer passes through, its status and
	///     {"detail"} errors included (Retry-After kept), when it is JSON;
	///     502 when it is not;
	///   - media(): a 200 passes through with the given type and nosniff,
	///     a playlist no-store, a segment the API calls immutable privately
	///     for a day (it is behind a session: never in a shared cache), any
	///     other no-store; a 400 (a blocking reload
	///     asking too far ahead) and a 404 (nothing to play, or an API
	///     without that rendition) stay as such, with {"detail"}; anything
	///     else is 502 {"detail"};
	///   - image(): a 200 of an image/ type passes through with that type,
	///     nosniff, a CSP that sandboxes it and private caching for a day;
	///     a 404 stays 404, anything else is 502 {"detail"}.
	///
	/// Threads: any; the objects it shares are thread-safe.
	/// Errors: none thrown. The logger must outlive the proxy.
{
public:
	ApiProxy(std::shared_ptr<const ApiClient> api, std::shared_ptr<SessionStore> sessions, std::shared_ptr<const Translations> translations,
		Poco::Logger& logger);

	void json(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
		const std::string& method, const std::string& pathAndQuery, const std::string& body) const;
		/// Calls method pathAndQuery with body (JSON, may be empty).

	enum class Media
		/// What media() gets.
	{
		Playlist, /// the API may hold it for up to PLAYLIST_HOLD before answering
		Segment   /// an init segment, a segment or a part: answered at once
	};

	static const Poco::Timespan PLAYLIST_HOLD;
		/// 30 s, beyond the API timeout, for a playlist's answer to begin:
		/// output-hls holds a playlist request while the program starts
		/// (its startWait, 20 s by default) and a blocking reload for up to
		/// three target durations (6 s with 2 s segments), and the API
		/// timeout alone would cut them into a 502.

	void media(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
		const std::string& apiPath, const std::string& contentType, Media kind) const;
		/// Gets apiPath, a path and query checked by the caller.

	void image(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
		const std::string& apiPath) const;
		/// Gets apiPath (a channel's logo).

private:
	bool call(const restream::RouteRequest& request, restream::RouteResponse& response, const AdminSession& session,
		const std::string& method, const std::string& pathAndQuery, const std::string& body, ApiClient::Answer& answer,
		Poco::Timespan held = 0) const;
		/// True with answer set; false when it answered 401 or 502 itself.
		/// held: see ApiClient::call().

	const std::shared_ptr<const ApiClient> _api;
	const std::shared_ptr<SessionStore> _sessions;
	const std::shared_ptr<const Translations> _translations;
	Poco::Logger& _logger;
};

} // namespace uiadmin

#endif // uiadmin_ApiProxy_INCLUDED
