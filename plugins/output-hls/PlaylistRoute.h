//
// PlaylistRoute.h
//
// GET /live.m3u8, /internal_stream.m3u8 and /live/<streamId>.m3u8.
//

#ifndef restream_hls_PlaylistRoute_INCLUDED
#define restream_hls_PlaylistRoute_INCLUDED

#include "ChannelDirectory.h"
#include "restream/ApiRoute.h"
#include <memory>
#include <string>

namespace restream {

class PluginContext;

namespace hls {

class PlaylistRoute : public ApiRoute
	/// A public playlist route: the primary channel's (at an exact path) or
	/// any channel's by stream id (the prefix /live/*). Answers the cached
	/// playlist text with MediaResponse's headers, or 404 {"detail": "no
	/// active stream"} when there is no such channel or it has no complete
	/// segment yet (and 404 "not found" for a malformed name). Counts the
	/// client (through trusted proxies) as a viewer of the channel.
	///
	/// Threads: handleRequest() is called concurrently.
{
public:
	enum class Selection
	{
		Primary, /// the channel set with Output::setPrimary()
		ByStreamId /// the channel named in /live/<streamId>.m3u8
	};

	PlaylistRoute(const std::string& path, Selection selection, std::shared_ptr<ChannelDirectory> directory,
		const PluginContext& context);
		/// context must stay valid as long as the route is registered.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const Identity& caller) override;

private:
	const std::string _path;
	const Selection _selection;
	const std::shared_ptr<ChannelDirectory> _directory;
	const PluginContext& _context;
};

} // namespace hls
} // namespace restream

#endif // restream_hls_PlaylistRoute_INCLUDED
