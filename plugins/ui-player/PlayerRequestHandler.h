//
// PlayerRequestHandler.h
//
// One request of the player port.
//

#ifndef restream_player_PlayerRequestHandler_INCLUDED
#define restream_player_PlayerRequestHandler_INCLUDED

#include <Poco/Net/HTTPRequestHandler.h>
#include <memory>

namespace restream {
namespace player {

class PlayerSite;

class PlayerRequestHandler : public Poco::Net::HTTPRequestHandler
	/// Answers one request through the site, which it keeps alive.
{
public:
	explicit PlayerRequestHandler(std::shared_ptr<const PlayerSite> site);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	std::shared_ptr<const PlayerSite> _site;
};

} // namespace player
} // namespace restream

#endif // restream_player_PlayerRequestHandler_INCLUDED
