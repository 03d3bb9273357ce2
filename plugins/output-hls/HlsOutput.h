//
// HlsOutput.h
//
// The Output service of output-hls.
//

#ifndef outputhls_HlsOutput_INCLUDED
#define outputhls_HlsOutput_INCLUDED

#include "ChannelDirectory.h"
#include "HlsSettings.h"
#include "HlsSink.h"
#include "restream/Output.h"
#include <memory>

namespace Poco {
class Logger;
}

namespace outputhls {

class HlsOutput : public restream::Output
	/// Makes an HlsSink for every channel that starts and for the program,
	/// listed in the directory the routes serve from.
	///
	/// Threads: any method from any thread.
	/// Errors: the create methods log and return null instead of throwing.
{
public:
	HlsOutput(std::shared_ptr<ChannelDirectory> directory, const HlsSettings& settings, Poco::Logger& logger,
		HlsSink::Published published);
		/// logger must outlive the output and its sinks; published is told of
		/// every segment the sinks publish.

	std::shared_ptr<restream::ChannelSink> createSink(const restream::ChannelInfo& channel) override;
		/// Null for a stream id below 1 (no URL could name it).

	std::shared_ptr<restream::ChannelSink> createProgramSink() override;

private:
	std::shared_ptr<restream::ChannelSink> sinkFor(Poco::Int64 streamId);

	const std::shared_ptr<ChannelDirectory> _directory;
	const HlsSettings _settings;
	Poco::Logger& _logger;
	const HlsSink::Published _published;
};

} // namespace outputhls

#endif // outputhls_HlsOutput_INCLUDED
