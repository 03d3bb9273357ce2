//
// AssetRoute.h
//
// GET of the admin's embedded script, style and icon.
//

#ifndef uiadmin_AssetRoute_INCLUDED
#define uiadmin_AssetRoute_INCLUDED

#include "AdminRoute.h"
#include "restream/WebAssets.h"
#include <memory>

namespace uiadmin {

class AssetRoute : public AdminRoute
	/// GET of path, "/favicon.svg" or the prefix "/assets/*": the embedded
	/// file of exactly the request's path (a URL never reaches the file
	/// system), 404 for any other; cached as WebAssets::sendLinked() says.
	/// Threads: any. Errors: none.
{
public:
	AssetRoute(std::string path, std::shared_ptr<const restream::WebAssets> assets);

	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) override;

	bool quick() const override;
		/// True: the files are in memory.

private:
	const std::shared_ptr<const restream::WebAssets> _assets;
};

} // namespace uiadmin

#endif // uiadmin_AssetRoute_INCLUDED
