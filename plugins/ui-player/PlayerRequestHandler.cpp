//
// PlayerRequestHandler.cpp
//

#include "PlayerRequestHandler.h"
#include "PlayerSite.h"

namespace restream {
namespace player {

PlayerRequestHandler::PlayerRequestHandler(std::shared_ptr<const PlayerSite> site):
	_site(std::move(site))
{
}

void PlayerRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	_site->handle(request, response);
}

} // namespace player
} // namespace restream
