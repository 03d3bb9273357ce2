//
// UiEndpoint.h
//
// What every JSON endpoint of the dashboard checks before it answers.
//

#ifndef uiadmin_UiEndpoint_INCLUDED
#define uiadmin_UiEndpoint_INCLUDED

#include "AdminRoute.h"
#include "AdminSession.h"
#include "SessionStore.h"
#include "Translations.h"
#include <Poco/JSON/Object.h>
#include <memory>

namespace uiadmin {

class UiEndpoint : public AdminRoute
	/// A route under /ui/ or /preview/, for the dashboard's script. Before
	/// serve() runs, handle() checks, in order:
	///   - a signed-in session (the SESSION cookie), else 401
	///     {"detail": "<sentence in the browser's language>", "signed_out": true},
	///     which sends the script to the sign-in form;
	///   - for a POST, the browser's Origin and Sec-Fetch-Site (CsrfGuard),
	///     else 403, then the session's CSRF token in X-CSRF-Token, else 403.
	/// A use of the endpoint counts as the user's (the idle timeout starts
	/// again) unless it is BACKGROUND: what the page asks by itself (status
	/// and account polls, the preview) does not keep an unattended tab
	/// signed in. Errors are {"detail"}.
	///
	/// Threads: any. Errors: serve() answers its own; see Route.
{
public:
	UiEndpoint(std::string method, std::string path, SessionStore::Use use, std::shared_ptr<SessionStore> sessions,
		std::shared_ptr<const Translations> translations);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) final;

	std::size_t maxBodySize() const override;
		/// 8 KiB: the largest body is a favourite's channel.

protected:
	virtual void serve(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response,
		const AdminSession& session) = 0;
		/// Answers request for session, which passed the checks above.

	static bool readJson(const restream::RouteRequest& request, restream::RouteResponse& response, Poco::JSON::Object::Ptr& body);
		/// Parses the body as a JSON object; false, having answered 400
		/// {"detail"}, when it is anything else (a number Poco cannot hold
		/// included).

private:
	const SessionStore::Use _use;
	const std::shared_ptr<SessionStore> _sessions;
	const std::shared_ptr<const Translations> _translations;
};

} // namespace uiadmin

#endif // uiadmin_UiEndpoint_INCLUDED
