//
// PlayerHandlerFactory.cpp
//

#include "PlayerHandlerFactory.h"
#include "PlayerRequestHandler.h"

namespace restream {
namespace player {

PlayerHandlerFactory::PlayerHandlerFactory(std::shared_ptr<const PlayerSite> site):
	_site(std::move(site))
{
}

Poco::Net::HTTPRequestHandler* PlayerHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
	return new PlayerRequestHandler(_site);
}

} // namespace player
} // namespace restream
