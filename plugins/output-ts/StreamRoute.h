//
// StreamRoute.h
//
// GET /live.ts and /stream/<streamId>.ts on the tuner port.
//

#ifndef outputts_StreamRoute_INCLUDED
#define outputts_StreamRoute_INCLUDED

#include "TsDirectory.h"
#include "restream/Channels.h"
#include "restream/Route.h"
#include <memory>
#include <string>

namespace outputts {

class StreamRoute : public restream::Route
	/// A public route of the tuner port (LAN only, by the host's rule) that
	/// answers endless MPEG-TS: the program's (/live.ts) or any channel's
	/// (the prefix /stream/*). A GET of a channel takes a lease on it
	/// (starting it when it does not run) held while the viewer stays
	/// connected; the host's refusal answers with its status (404 for an
	/// unknown channel, 503 with Retry-After when no provider connection is
	/// free) and sentence. The viewer is then served by the directory (at
	/// once from the last keyframe, or once the channel's first keyframe
	/// comes). /live.ts without a program answers 404. HEAD answers the
	/// stream's headers (200 video/mp2t) and never starts anything.
	///
	/// Threads: handle() is called concurrently; the program's never blocks
	/// (quick()), a channel's asks the host for a lease.
{
public:
	enum class Selection
	{
		Program,   /// the program (stream id 0)
		ByStreamId /// the channel named in /stream/<streamId>.ts
	};

	StreamRoute(Selection selection, std::shared_ptr<TsDirectory> directory, restream::Channels& channels);
		/// channels must outlive the route.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string port() const override;
	bool quick() const override;
	std::string summary() const override;
	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const Selection _selection;
	const std::shared_ptr<TsDirectory> _directory;
	restream::Channels& _channels;
};

} // namespace outputts

#endif // outputts_StreamRoute_INCLUDED
