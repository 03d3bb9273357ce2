//
// PlaylistRoute.h
//
// GET /live.m3u8, /internal_stream.m3u8 and /live/<streamId>.m3u8
//

#ifndef outputhls_PlaylistRoute_INCLUDED
#define outputhls_PlaylistRoute_INCLUDED

#include "ChannelDirectory.h"
#include "restream/Route.h"
#include <memory>
#include <string>

namespace outputhls {

class PlaylistRoute : public restream::Route
	/// A public playlist route: the program's (at an exact path) or any
	/// channel's by stream id (the prefix /live/*). Answers the cached
	/// playlist text with MediaResponse's headers, or 404 {"detail": "no
	/// active stream"} when there is no such playlist, it has no complete
	/// segment yet or it ended more than endedGrace ago (and 404 "not found"
	/// for a malformed name). Counts the client as a viewer.
	///
	/// Threads: handle() is called concurrently; it never blocks (quick()).
{
public:
	enum class Selection
	{
		Program,   /// the program (stream id 0)
		ByStreamId /// the channel named in /live/<streamId>.m3u8
	};

	PlaylistRoute(const std::string& path, Selection selection, std::shared_ptr<ChannelDirectory> directory);

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	bool quick() const override;
	std::string summary() const override;
	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const std::string _path;
	const Selection _selection;
	const std::shared_ptr<ChannelDirectory> _directory;
};

} // namespace outputhls

#endif // outputhls_PlaylistRoute_INCLUDED
