//
// PlaylistRoute.h
//
// GET /playlist.m3u: the live channels as an M3U playlist.
//

#ifndef m3uoutput_PlaylistRoute_INCLUDED
#define m3uoutput_PlaylistRoute_INCLUDED

#include "ChannelGuide.h"
#include "LiveTable.h"
#include "restream/ApiRoute.h"
#include <memory>
#include <string>

namespace restream {
class PluginContext;
}

namespace m3uoutput {

class PlaylistRoute : public restream::ApiRoute
	/// A public route answering
	///   #EXTM3U
	///   #EXTINF:-1 tvg-id="..." tvg-name="..." tvg-logo="..." group-title="...",Name
	///   <base>/live/<stream_id>.m3u8
	/// for each live channel (primary first), as audio/x-mpegurl, not cached.
	/// <base> is public.apiUrl when set, else "http://" + the request's Host
	/// (https when a trusted proxy says X-Forwarded-Proto: https). An empty
	/// playlist (the header only) when nothing is live. A Host that is not a
	/// plain host[:port] is answered 400.
	///
	/// Threads: handleRequest() is called concurrently.
{
public:
	PlaylistRoute(std::shared_ptr<LiveTable> table, std::shared_ptr<ChannelGuide> guide, const restream::PluginContext& context);
		/// context must stay valid as long as the route is registered.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string summary() const override;

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const restream::Identity& caller) override;

	static std::string attribute(const std::string& value);
		/// value made safe inside a quoted M3U attribute: no quote, no line break.

private:
	std::string baseUrl(const Poco::Net::HTTPServerRequest& request) const;
		/// Empty when the request's Host is not usable.

	const std::shared_ptr<LiveTable> _table;
	const std::shared_ptr<ChannelGuide> _guide;
	const restream::PluginContext& _context;
};

} // namespace m3uoutput

#endif // m3uoutput_PlaylistRoute_INCLUDED
