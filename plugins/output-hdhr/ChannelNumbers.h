//
// ChannelNumbers.h
//
// GuideNumbers that stay put across restarts and catalog refreshes.
//

#ifndef outputhdhr_ChannelNumbers_INCLUDED
#define outputhdhr_ChannelNumbers_INCLUDED

#include "restream/ChannelInfo.h"
#include <Poco/Types.h>
#include <map>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace outputhdhr {

class ChannelNumbers
	/// Gives each lineup channel its GuideNumber: the channel's own number
	/// (ChannelInfo::number) when it has one that no earlier channel took,
	/// else a number kept in a small JSON file (stream id → number) so it
	/// survives restarts and refreshes. New numbers are allocated above
	/// every number in use. Media centres key their guides on these numbers.
	///
	/// Threads: not thread-safe; one caller at a time (Lineup holds its lock).
	/// Errors: a file that cannot be read is logged and started afresh; one
	/// that cannot be written is logged (the numbers then last until a restart).
{
public:
	ChannelNumbers(std::string path, Poco::Logger& logger);

	std::vector<std::string> assign(const std::vector<restream::ChannelInfo>& channels);
		/// The GuideNumber of each channel, in the same order.

private:
	void load();
	void save() const;

	const std::string _path;
	Poco::Logger& _logger;
	bool _loaded = false;
	std::map<Poco::Int64, std::string> _kept;
};

} // namespace outputhdhr

#endif // outputhdhr_ChannelNumbers_INCLUDED
