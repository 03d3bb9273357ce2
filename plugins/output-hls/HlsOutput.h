//
// HlsOutput.h
//
// The Output service of output-hls.
//

#ifndef restream_hls_HlsOutput_INCLUDED
#define restream_hls_HlsOutput_INCLUDED

#include "ChannelDirectory.h"
#include "HlsSettings.h"
#include "restream/Output.h"
#include <memory>

namespace Poco {
class Logger;
}

namespace restream {
namespace hls {

class HlsOutput : public Output
	/// Makes an HlsSink for every channel that goes live, listed in the
	/// directory the routes serve from, and keeps the primary stream id there.
	///
	/// Threads: any method from any thread.
	/// Errors: createSink() logs and returns null instead of throwing.
{
public:
	HlsOutput(std::shared_ptr<ChannelDirectory> directory, const HlsSettings& settings, Poco::Logger& logger);
		/// logger must outlive the output and its sinks.

	std::shared_ptr<ChannelSink> createSink(const ChannelInfo& channel) override;
		/// Null for a stream id below 1 (no URL could name it).

	void setPrimary(Poco::Int64 streamId) override;

private:
	const std::shared_ptr<ChannelDirectory> _directory;
	const HlsSettings _settings;
	Poco::Logger& _logger;
};

} // namespace hls
} // namespace restream

#endif // restream_hls_HlsOutput_INCLUDED
