//
// SegmentRoute.h
//
// GET /hls/<streamId>/<token>-<seq>.ts
//

#ifndef restream_hls_SegmentRoute_INCLUDED
#define restream_hls_SegmentRoute_INCLUDED

#include "ChannelDirectory.h"
#include "restream/ApiRoute.h"
#include <memory>
#include <string>

namespace restream {

class PluginContext;

namespace hls {

class SegmentRoute : public ApiRoute
	/// The public prefix route /hls/* serving segments from memory. A path
	/// must match HlsPaths's segment shape exactly and name a segment its
	/// channel still keeps; anything else is 404 {"detail"}. Nothing maps to
	/// a file. Answers single byte ranges. Counts the client as a viewer.
	///
	/// Threads: handleRequest() is called concurrently; it holds no lock
	/// while sending.
{
public:
	SegmentRoute(std::shared_ptr<ChannelDirectory> directory, const PluginContext& context);
		/// context must stay valid as long as the route is registered.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
		const Identity& caller) override;

private:
	const std::shared_ptr<ChannelDirectory> _directory;
	const PluginContext& _context;
};

} // namespace hls
} // namespace restream

#endif // restream_hls_SegmentRoute_INCLUDED
