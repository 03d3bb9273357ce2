//
// AssetRoute.h
//
// GET of a web face's embedded scripts, styles and icons.
//

#ifndef restream_AssetRoute_INCLUDED
#define restream_AssetRoute_INCLUDED

#include "restream/Route.h"
#include "restream/WebAssets.h"
#include <memory>
#include <string>
#include <utility>

namespace restream {

class AssetRoute : public Route
	/// GET of path on port: an exact path ("/favicon.svg") or a prefix
	/// ("/assets/*"). Answers the embedded file of exactly the request's
	/// path (a URL never reaches the file system), 404 for any other;
	/// cached as WebAssets::sendLinked() says (a year, immutable, under the
	/// URL of this very content; five minutes under any other). Public: the
	/// host's rules of the port (LAN only, allowed hosts) still apply.
	/// Header-only: nothing to link.
	/// Immutable; handle() from any number of threads at once. Errors: none.
{
public:
	AssetRoute(std::string port, std::string path, std::shared_ptr<const WebAssets> assets):
		_port(std::move(port)),
		_path(std::move(path)),
		_assets(std::move(assets))
	{
	}

	std::string method() const override
	{
		return "GET";
	}

	std::string path() const override
	{
		return _path;
	}

	Access access() const override
	{
		return Access::Public;
	}

	std::string port() const override
	{
		return _port;
	}

	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override
	{
		const WebAsset* asset = _assets->find(request.path);
		if (!asset) return response->sendError(404, "Not Found");
		_assets->sendLinked(*asset, request, *response);
	}

	bool quick() const override
		/// True: the files are in memory.
	{
		return true;
	}

private:
	const std::string _port;
	const std::string _path;
	const std::shared_ptr<const WebAssets> _assets;
};

} // namespace restream

#endif // restream_AssetRoute_INCLUDED
