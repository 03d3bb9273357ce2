//
// PlaylistRoute.h
//
// GET /playlist.m3u: the live channels as an M3U playlist.
//

#ifndef m3uoutput_PlaylistRoute_INCLUDED
#define m3uoutput_PlaylistRoute_INCLUDED

#include "LiveLineup.h"
#include "restream/Route.h"
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace m3uoutput {

class PlaylistRoute : public restream::Route
	/// A public GET route (the host answers HEAD with it) on one port,
	/// "api" by default, answering the LiveLineup rendered by M3uWriter as
	/// audio/x-mpegurl with Cache-Control: no-store (what is live changes at
	/// any moment). The header alone when nothing is live. The host adds
	/// Content-Length and its CORS headers (on the api port, a public read
	/// is allowed from any origin: media players in browsers fetch it).
	///
	/// Threads: handle() is called concurrently, on worker threads (not
	/// quick(): the catalog may load).
	/// Errors: nothing escapes handle(): a failure is logged and answered
	/// 500 {"detail"}, without the exception's text (the log has it).
{
public:
	PlaylistRoute(std::shared_ptr<const LiveLineup> lineup, std::string port, Poco::Logger& logger);
		/// logger must outlive the route (the plugin's).

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string port() const override;
	std::string summary() const override;

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

	static const std::string CONTENT_TYPE; /// audio/x-mpegurl; charset=utf-8

private:
	const std::shared_ptr<const LiveLineup> _lineup;
	const std::string _port;
	Poco::Logger& _logger;
};

} // namespace m3uoutput

#endif // m3uoutput_PlaylistRoute_INCLUDED
