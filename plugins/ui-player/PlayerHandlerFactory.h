//
// PlayerHandlerFactory.h
//
// The player port's request handler factory.
//

#ifndef restream_player_PlayerHandlerFactory_INCLUDED
#define restream_player_PlayerHandlerFactory_INCLUDED

#include "restream/PortHandlerFactory.h"
#include <memory>

namespace restream {
namespace player {

class PlayerSite;

class PlayerHandlerFactory : public PortHandlerFactory
	/// Hands every request of the player port to the shared PlayerSite.
	/// Threads: any; the site is immutable.
{
public:
	explicit PlayerHandlerFactory(std::shared_ptr<const PlayerSite> site);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	std::shared_ptr<const PlayerSite> _site;
};

} // namespace player
} // namespace restream

#endif // restream_player_PlayerHandlerFactory_INCLUDED
