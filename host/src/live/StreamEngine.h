//
// StreamEngine.h
//

#ifndef restream_host_StreamEngine_INCLUDED
#define restream_host_StreamEngine_INCLUDED

#include "catalog/Catalog.h"
#include "live/ChannelPipeline.h"
#include "live/LiveState.h"
#include "live/RecoveryPolicy.h"
#include "plugins/ServiceRegistry.h"
#include "live/UrlInputOptions.h"
#include "restream/Output.h"
#include <Poco/Mutex.h>
#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class Redactor;

class StreamEngine
	/// The live channels: one ChannelPipeline (one upstream connection) per
	/// channel, however many outputs and viewers. Several channels may run
	/// at once (live.maxChannels); on top sits the original's semantics: one
	/// primary channel, served at /live.m3u8, and starting another primary
	/// replaces it — the old upstream is closed before the new one opens.
	///
	/// Threads: every method may be called from any thread; control calls
	/// are serialised.
	/// Errors: startPrimary() throws SourceException (NotFound for a channel
	/// not in the catalog) and Poco::IllegalStateException when the
	/// provider's connections or live.maxChannels are all in use.
{
public:
	StreamEngine(Catalog& catalog, const ServiceRegistry& registry, const UrlInputOptions& inputOptions, const RecoveryPolicy& policy,
		int maxChannels, const LiveState& liveState, const Redactor& redactor, Poco::Logger& logger);
	~StreamEngine();
		/// Stops every channel.

	ChannelPipeline::Status start(Poco::Int64 streamId, bool primary);
		/// Starts streamId (idempotent when it runs). As primary, it replaces
		/// the primary channel. The desired state is saved.

	void restore(const std::atomic<bool>& cancelled);
		/// Starts the channels the saved desired state names, retrying every
		/// few seconds while the catalog cannot be read, until all run or
		/// cancelled is set. The provider's account is not checked: a slot
		/// still held for a dead process is waited for by the pipeline's
		/// backoff, not refused.

	bool stop(Poco::Int64 streamId);
		/// Stops a channel; false when it was not running. 0 means the primary.

	void stopAll();

	Poco::Int64 primary() const;
		/// The primary channel's stream id, 0 when none.

	bool status(Poco::Int64 streamId, ChannelPipeline::Status& status) const;
		/// streamId's status (0: the primary's); false when not running.

	std::vector<ChannelPipeline::Status> statuses() const;

private:
	std::unique_ptr<LiveInput> open(Poco::Int64 streamId, const std::atomic<bool>& stopRequested);
	void checkConnectionsAvailable();
	ChannelPipeline::Status startLocked(Poco::Int64 streamId, bool primary, bool checkAccount);
	void saveState();
	void announcePrimary(Poco::Int64 streamId);
	bool remove(Poco::Int64 streamId);
		/// Takes a channel out and stops it (its upstream closes); false if absent.

	Catalog& _catalog;
	std::vector<std::pair<std::string, std::shared_ptr<Output>>> _outputs;
	const UrlInputOptions _inputOptions;
	const RecoveryPolicy _policy;
	const int _maxChannels;
	const LiveState& _liveState;
	const Redactor& _redactor;
	Poco::Logger& _logger;
	std::map<Poco::Int64, std::unique_ptr<ChannelPipeline>> _channels;
	Poco::Int64 _primary = 0;
	mutable Poco::FastMutex _mutex;        // guards _channels and _primary; held briefly
	Poco::FastMutex _controlMutex;         // serialises start and stop, which may wait on the network
};

} // namespace restream::host

#endif // restream_host_StreamEngine_INCLUDED
