//
// PlaylistRoute.h
//
// GET /live.m3u8, /internal_stream.m3u8, /live.ll.m3u8 and /live/<streamId>(.ll).m3u8
//

#ifndef outputhls_PlaylistRoute_INCLUDED
#define outputhls_PlaylistRoute_INCLUDED

#include "ChannelDirectory.h"
#include "DemandLeases.h"
#include "PlaylistWaiters.h"
#include "restream/Channels.h"
#include "restream/Route.h"
#include <memory>
#include <string>

namespace outputhls {

class PlaylistRoute : public restream::Route
	/// A public playlist route: the program's (at an exact path) or any
	/// channel's by stream id (the prefix /live/*). Answers the cached
	/// playlist text with MediaResponse's headers. A playlist that is coming
	/// (the program is set, the channel runs) answers once its first segment
	/// exists (PlaylistWaiters); a GET of a channel that does not run starts
	/// it on demand (DemandLeases), or answers the host's refusal ({"detail",
	/// "error_code"}, 503 with Retry-After when no provider connection is
	/// free). 404 {"detail": "no active stream"} otherwise, and "not found"
	/// for a malformed name. HEAD never starts anything. Counts the client
	/// as a viewer.
	///
	/// The low-latency playlists (/live.ll.m3u8, /live/<id>.ll.m3u8) take
	/// the blocking reload directives of RFC 8216bis 6.2.5.2: _HLS_msn=M
	/// (and _HLS_part=P) holds the request until the playlist has segment M
	/// complete (or its part P), for at most three target durations, then
	/// answers the playlist as it is; 400 when M is more than two segments
	/// beyond the last one, or for a malformed or lone _HLS_part. The TS
	/// playlists ignore them. With the rendition off (lowLatency false) they
	/// answer 404 naming the setting.
	///
	/// Threads: handle() is called concurrently; the program's never blocks
	/// (quick()), a channel's may ask the host to start it.
{
public:
	enum class Selection
	{
		Program,           /// the program (stream id 0)
		LowLatencyProgram, /// the program's low-latency rendition
		ByStreamId         /// the channel named in /live/<streamId>.m3u8 or /live/<streamId>.ll.m3u8
	};

	PlaylistRoute(const std::string& path, Selection selection, bool lowLatency, std::shared_ptr<ChannelDirectory> directory,
		restream::Channels& channels, std::shared_ptr<DemandLeases> leases, std::shared_ptr<PlaylistWaiters> waiters);
		/// lowLatency: whether the sinks publish the low-latency rendition.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	bool quick() const override;
	std::string summary() const override;
	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	static bool parseDirectives(const restream::RouteRequest& request, PlaylistWaiters::Want& want);
		/// Reads _HLS_msn and _HLS_part into want; false when malformed.

	const std::string _path;
	const Selection _selection;
	const bool _lowLatency;
	const std::shared_ptr<ChannelDirectory> _directory;
	restream::Channels& _channels;
	const std::shared_ptr<DemandLeases> _leases;
	const std::shared_ptr<PlaylistWaiters> _waiters;
};

} // namespace outputhls

#endif // outputhls_PlaylistRoute_INCLUDED
