//
// ChannelEngine.h
//

#ifndef restream_host_ChannelEngine_INCLUDED
#define restream_host_ChannelEngine_INCLUDED

#include "live/AccountMonitor.h"
#include "live/ChannelPipeline.h"
#include "live/EventDispatcher.h"
#include "live/LeaseBook.h"
#include "live/LiveSettings.h"
#include "live/LiveState.h"
#include "live/Program.h"
#include "restream/ChannelException.h"
#include "plugins/OwnedChannels.h"
#include "restream/Output.h"
#include <Poco/Event.h>
#include <Poco/Mutex.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Poco {
class Logger;
}

namespace restream::host {

class CachedCatalog;
class Redactor;

class ChannelEngine : public HostChannels, public Poco::Runnable
	/// The live channels (Channels, see its contract): one ChannelPipeline,
	/// so one provider connection, per running channel whatever its holders
	/// (the admin's pin, the program, leases) and its outputs and viewers;
	/// and the Program, fed by the channel on air.
	///
	/// Locks: one short lock guards the table of channels; it is never held
	/// while the network is used (catalog loads, account reads), a thread is
	/// joined, a file is written or plugin code runs (sinks are made, and
	/// pipelines started, outside it). Stopping a channel only asks its
	/// pipeline to stop: the engine's own thread joins it, and a channel
	/// that starts meanwhile opens its upstream only once the closing ones
	/// have closed, so two connections never overlap.
	///
	/// The engine's thread also stops channels nothing holds once
	/// live.idleTimeout has passed, and the state file (live.json) is
	/// written after each change of pins or program, outside the lock.
	///
	/// Threads: every method from any thread.
{
public:
	ChannelEngine(CachedCatalog& catalog, const LiveSettings& settings, const LiveState& state, const Redactor& redactor,
		Poco::Logger& logger);
	~ChannelEngine() override;
		/// Stops every channel and the program.

	void start(std::vector<std::pair<std::string, std::shared_ptr<Output>>> outputs);
		/// Takes the outputs (owner, service) that every channel feeds and
		/// starts the engine's threads. Before, acquire() and the others refuse.

	void prepareRestore();
		/// Reads the saved state. From now until restore() has started it (or
		/// given it up, or the admin chose another program), program() names
		/// the saved program, so a viewer asking for it while the host starts
		/// waits for it instead of hearing there is none. Quick (a small file).

	void restore(const std::atomic<bool>& cancelled);
		/// Starts the program and pins the channels prepareRestore() read,
		/// retrying every few seconds while the catalog cannot be read, until
		/// done or cancelled is set. A program the admin replaced or ended
		/// meanwhile is not restored.

	void stopAll();
		/// Ends the program and stops every channel; returns once every
		/// upstream is closed and every sink ended. Later calls refuse.

	ChannelStatus programStatus(bool& running) const;
		/// The program's channel, with the program's viewers and traffic
		/// added; running is false (and the status empty) without a program.

	// Channels
	std::vector<ChannelStatus> list() const override;
	bool status(Poco::Int64 streamId, ChannelStatus& status) const override;
	void start(Poco::Int64 streamId, const std::string& requestedBy) override;
	bool stop(Poco::Int64 streamId, const std::string& requestedBy) override;
	std::unique_ptr<ChannelLease> acquire(Poco::Int64 streamId, const std::string& holder) override;
	int capacity() const override;
	Poco::Int64 program() const override;
	void setProgram(Poco::Int64 streamId, const std::string& requestedBy) override;
	std::unique_ptr<Subscription> subscribe(std::function<void(const ChannelEvent&)> callback) override;
		/// A subscription of the host's own (owner "host").
	std::unique_ptr<Subscription> subscribe(const std::string& owner, std::function<void(const ChannelEvent&)> callback) override;

	void release(Poco::Int64 streamId, Poco::UInt64 lease);
		/// A lease ended (LeaseBook).

	bool leaseActive(Poco::Int64 streamId, Poco::UInt64 lease) const;
		/// Whether streamId runs with lease among its holders (LeaseBook).

	void refreshAccount();
		/// Reads the provider's account again soon (after a catalog refresh).

	void run() override;

private:
	enum class Hold
	{
		Pin,
		Program,
		Lease
	};

	struct Entry
	{
		ChannelInfo info;
		std::shared_ptr<ChannelPipeline> pipeline; // null while it is being made
		bool pinned = false;
		std::map<Poco::UInt64, std::string> leases;
		bool idle = false;                         // nothing holds it; it stops at idleSince + idleTimeout
		Poco::Timestamp idleSince;
	};

	struct Plan
		/// What a hold decided under the lock, carried out after it.
	{
		bool create = false;
		ChannelInfo info;
		std::vector<std::shared_ptr<ChannelPipeline>> close;
		Poco::UInt64 lease = 0;
	};

	Poco::UInt64 hold(Poco::Int64 streamId, Hold kind, const std::string& holder, bool replacesProgram);
	void admit(Poco::Int64 streamId, Poco::Int64 freed, bool outranksLeases, Plan& plan);
	void create(const ChannelInfo& info, const std::string& holder);
	std::unique_ptr<LiveInput> open(Poco::Int64 streamId, const std::atomic<bool>& stopRequested);
	bool heldLocked(Poco::Int64 streamId, const Entry& entry) const;
	void letGoLocked(Poco::Int64 streamId, bool now, std::vector<std::shared_ptr<ChannelPipeline>>& close);
	void closeLater(std::vector<std::shared_ptr<ChannelPipeline>> pipelines);
	void attachProgram(Poco::Int64 streamId);
	void attachProgramLocked(const std::shared_ptr<ChannelPipeline>& pipeline);
		/// Feeds the program from pipeline, unless it already does. Called
		/// before a new pipeline starts, so the program gets its very first
		/// keyframe (not the next one, a GOP later).
	ChannelStatus statusOf(Poco::Int64 streamId, const std::shared_ptr<ChannelPipeline>& pipeline) const;
	void holdersLocked(Poco::Int64 streamId, const Entry& entry, ChannelStatus& status) const;
	void changed(Poco::Int64 streamId);
	void publish(ChannelEvent::Kind kind, const ChannelStatus& status);
	void saveState();
	static ChannelException refusal(const std::string& code, const std::string& message, int status);

	CachedCatalog& _catalog;
	const LiveSettings _settings;
	const LiveState& _state;
	const Redactor& _redactor;
	Poco::Logger& _logger;
	AccountMonitor _account;
	EventDispatcher _events;
	const std::shared_ptr<LeaseBook> _leases;
	const std::shared_ptr<Program> _program;

	mutable Poco::FastMutex _mutex; // guards everything below; held briefly (see the class comment)
	std::vector<std::pair<std::string, std::shared_ptr<Output>>> _outputs;
	std::map<Poco::Int64, Entry> _channels;
	std::vector<std::shared_ptr<ChannelPipeline>> _closing;
	Poco::Int64 _programChannel = 0;
	Poco::Int64 _restoringProgram = 0;  // the saved program, until restore() has dealt with it
	std::vector<Poco::Int64> _restoringPins;
	std::shared_ptr<ChannelSink> _programFeed;
	std::weak_ptr<ChannelPipeline> _programFeedSource; // the pipeline _programFeed is attached to
	Poco::UInt64 _nextLease = 1;
	Poco::Timestamp _lastClosedAt{0};
	bool _accepting = false;
	Poco::UInt64 _stateVersion = 0;

	Poco::FastMutex _stateFileMutex;    // one writer of live.json at a time
	Poco::UInt64 _stateWritten = 0;

	Poco::Event _wakeUp;
	std::atomic<bool> _stopping{false};
	bool _threadStarted = false;
	Poco::Thread _thread;
};

} // namespace restream::host

#endif // restream_host_ChannelEngine_INCLUDED
