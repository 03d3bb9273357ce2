//
// Announcement.h
//
// What discover.json and HDHomeRun's UDP discovery reply both announce.
//

#ifndef outputhdhr_Announcement_INCLUDED
#define outputhdhr_Announcement_INCLUDED

#include "restream/Channels.h"
#include "restream/PlaybackUrls.h"
#include "restream/RouteRequest.h"
#include <string>

namespace outputhdhr {

class Announcement
	/// The facts of the tuner that /discover.json and the UDP discovery
	/// reply share, as seen by the client of one request: BaseURL (the
	/// tuner port's public URL, PlaybackUrls::portUrl), LineupURL
	/// (BaseURL/lineup.json) and TunerCount (Channels::capacity(): the
	/// channels that may run at once, within the provider's connections).
	/// A value type; the constructor calls the host's services, which do
	/// not throw.
{
public:
	Announcement(const restream::PlaybackUrls& urls, const restream::Channels& channels, const restream::RouteRequest& request);

	const std::string& baseUrl() const;
	const std::string& lineupUrl() const;
	int tunerCount() const;

private:
	std::string _baseUrl;
	std::string _lineupUrl;
	int _tunerCount;
};

} // namespace outputhdhr

#endif // outputhdhr_Announcement_INCLUDED
