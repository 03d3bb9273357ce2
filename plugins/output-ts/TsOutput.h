//
// TsOutput.h
//
// The Output service of output-ts.
//

#ifndef outputts_TsOutput_INCLUDED
#define outputts_TsOutput_INCLUDED

#include "TsDirectory.h"
#include "restream/Output.h"
#include <memory>

namespace Poco {
class Logger;
}

namespace outputts {

class TsOutput : public restream::Output
	/// Makes a TsSink for every channel that starts and for the program,
	/// served through the directory.
	///
	/// Threads: any method from any thread.
	/// Errors: the create methods log and return null instead of throwing.
{
public:
	TsOutput(std::shared_ptr<TsDirectory> directory, Poco::Logger& logger);
		/// logger must outlive the output and its sinks.

	std::shared_ptr<restream::ChannelSink> createSink(const restream::ChannelInfo& channel) override;
		/// Null for a stream id below 1 (no URL could name it).

	std::shared_ptr<restream::ChannelSink> createProgramSink() override;

private:
	std::shared_ptr<restream::ChannelSink> sinkFor(Poco::Int64 streamId);

	const std::shared_ptr<TsDirectory> _directory;
	Poco::Logger& _logger;
};

} // namespace outputts

#endif // outputts_TsOutput_INCLUDED
