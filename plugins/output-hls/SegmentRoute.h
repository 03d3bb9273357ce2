//
// SegmentRoute.h
//
// GET /hls/<streamId>/<token>-<seq>.ts and /hls/program/<token>-<seq>.ts
//

#ifndef outputhls_SegmentRoute_INCLUDED
#define outputhls_SegmentRoute_INCLUDED

#include "ChannelDirectory.h"
#include "DemandLeases.h"
#include "restream/Route.h"
#include <memory>
#include <string>

namespace outputhls {

class SegmentRoute : public restream::Route
	/// The public prefix route /hls/* serving segments from memory. A path
	/// must match HlsPaths's segment shape exactly and name a segment its
	/// playlist still keeps; anything else is 404 {"detail"}. Nothing maps
	/// to a file. Answers single byte ranges. Counts the client as a viewer,
	/// and keeps an on-demand channel's lease (DemandLeases::renew()). With
	/// the low-latency rendition off, its media (init segments, fMP4
	/// segments, parts) answer 404 naming the setting.
	///
	/// Threads: handle() is called concurrently; it never blocks (quick()).
{
public:
	SegmentRoute(bool lowLatency, std::shared_ptr<ChannelDirectory> directory, std::shared_ptr<DemandLeases> leases);
		/// lowLatency: whether the sinks publish the low-latency rendition.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	bool quick() const override;
	std::string summary() const override;
	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

private:
	const bool _lowLatency;
	const std::shared_ptr<ChannelDirectory> _directory;
	const std::shared_ptr<DemandLeases> _leases;
};

} // namespace outputhls

#endif // outputhls_SegmentRoute_INCLUDED
