//
// ChannelEngine.cpp
//

#include "live/ChannelEngine.h"
#include "catalog/CachedCatalog.h"
#include "catalog/SourceErrors.h"
#include "live/EngineLease.h"
#include "live/ProducerInput.h"
#include "live/UrlInput.h"
#include "logging/Redactor.h"
#include "plugins/PluginGuard.h"
#include "restream/ChannelErrors.h"
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <algorithm>

namespace restream::host {

namespace {

const long REAPER_PERIOD_MS = 250;

std::string describeCount(int count, const char* what)
{
	return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
}

} // namespace

ChannelEngine::ChannelEngine(CachedCatalog& catalog, const LiveSettings& settings, const LiveState& state, const Redactor& redactor,
	Poco::Logger& logger):
	_catalog(catalog),
	_settings(settings),
	_state(state),
	_redactor(redactor),
	_logger(logger),
	_account([&catalog] { return catalog.account(); }, settings.accountRefresh, logger),
	_events(logger),
	_leases(std::make_shared<LeaseBook>(*this)),
	_program(std::make_shared<Program>(logger)),
	_thread("channel-engine")
{
}

ChannelEngine::~ChannelEngine()
{
	stopAll();
	_leases->close();
}

void ChannelEngine::start(std::vector<std::pair<std::string, std::shared_ptr<Output>>> outputs)
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_outputs = std::move(outputs);
		_accepting = true;
	}
	_events.start();
	_account.start();
	_threadStarted = true;
	_thread.start(*this);
}

void ChannelEngine::stopAll()
{
	std::vector<std::shared_ptr<ChannelPipeline>> all;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_accepting = false;
		_outputs.clear(); // plugin objects: released before plugins stop
		_programChannel = 0;
		_programFeed.reset();
		for (auto& channel : _channels)
		{
			if (channel.second.pipeline) all.push_back(channel.second.pipeline);
		}
		_channels.clear();
		all.insert(all.end(), _closing.begin(), _closing.end());
		_closing.clear();
	}
	_program->end();
	for (const auto& pipeline : all) pipeline->requestStop();
	for (const auto& pipeline : all) pipeline->join(); // every upstream closed, every sink ended
	_stopping = true;
	_wakeUp.set();
	if (_threadStarted) _thread.join();
	_threadStarted = false;
	_account.stop();
	_events.stop();
}

void ChannelEngine::prepareRestore()
{
	Poco::Int64 program = 0;
	std::vector<Poco::Int64> pinned;
	if (!_state.load(program, pinned))
	{
		if (Poco::File(_state.path()).exists()) _logger.warning("%s cannot be read; no channel restored", _state.path());
		return;
	}
	Poco::FastMutex::ScopedLock lock(_mutex);
	_restoringProgram = program;
	_restoringPins = std::move(pinned);
}

void ChannelEngine::restore(const std::atomic<bool>& cancelled)
{
	std::vector<std::pair<Poco::Int64, Hold>> wanted;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (_restoringProgram > 0) wanted.emplace_back(_restoringProgram, Hold::Program);
		for (Poco::Int64 channel : _restoringPins) wanted.emplace_back(channel, Hold::Pin);
		_restoringPins.clear();
	}
	while (!wanted.empty() && !cancelled)
	{
		const auto next = wanted.front();
		try
		{
			if (next.second == Hold::Program)
			{
				{
					Poco::FastMutex::ScopedLock lock(_mutex);
					if (_restoringProgram != next.first) // the admin chose meanwhile
					{
						wanted.erase(wanted.begin());
						continue;
					}
				}
				hold(next.first, Hold::Program, "restart", true);
				Poco::FastMutex::ScopedLock lock(_mutex);
				_restoringProgram = 0;
			}
			else
				hold(next.first, Hold::Pin, "restart", false);
			_logger.information("channel %Ld restored after a restart", next.first);
			wanted.erase(wanted.begin());
		}
		catch (const ChannelException& exc)
		{
			if (exc.errorCode() == ChannelErrors::NOT_FOUND || exc.errorCode() == ChannelErrors::STOPPING)
			{
				_logger.warning("channel %Ld not restored: %s", next.first, exc.message());
				Poco::FastMutex::ScopedLock lock(_mutex);
				if (next.second == Hold::Program && _restoringProgram == next.first) _restoringProgram = 0;
				wanted.erase(wanted.begin());
				continue;
			}
			_logger.warning("cannot restore channel %Ld yet: %s", next.first, exc.message());
			for (int waited = 0; waited < 50 && !cancelled; ++waited) Poco::Thread::sleep(100);
		}
	}
	Poco::FastMutex::ScopedLock lock(_mutex);
	_restoringProgram = 0;
}

std::vector<ChannelStatus> ChannelEngine::list() const
{
	std::vector<std::pair<Poco::Int64, std::shared_ptr<ChannelPipeline>>> running;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		for (const auto& channel : _channels)
		{
			if (channel.second.pipeline) running.emplace_back(channel.first, channel.second.pipeline);
		}
	}
	std::vector<ChannelStatus> statuses;
	for (const auto& channel : running) statuses.push_back(statusOf(channel.first, channel.second));
	return statuses;
}

bool ChannelEngine::status(Poco::Int64 streamId, ChannelStatus& status) const
{
	std::shared_ptr<ChannelPipeline> pipeline;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		const auto found = _channels.find(streamId);
		if (found == _channels.end() || !found->second.pipeline) return false;
		pipeline = found->second.pipeline;
	}
	status = statusOf(streamId, pipeline);
	return true;
}

ChannelStatus ChannelEngine::programStatus(bool& running) const
{
	Poco::Int64 streamId = 0;
	std::shared_ptr<ChannelPipeline> pipeline;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		streamId = _programChannel;
		const auto found = _channels.find(streamId);
		if (found != _channels.end()) pipeline = found->second.pipeline;
	}
	running = streamId != 0 && pipeline;
	if (!running) return ChannelStatus();
	ChannelStatus status = statusOf(streamId, pipeline);
	if (status.state == ChannelStatus::State::Live && !_program->playable()) status.state = ChannelStatus::State::Starting;
	return status;
}

void ChannelEngine::start(Poco::Int64 streamId, const std::string& requestedBy)
{
	hold(streamId, Hold::Pin, requestedBy, false);
}

std::unique_ptr<ChannelLease> ChannelEngine::acquire(Poco::Int64 streamId, const std::string& holder)
{
	const Poco::UInt64 number = hold(streamId, Hold::Lease, holder, false);
	return std::unique_ptr<ChannelLease>(new EngineLease(_leases, streamId, number));
}

int ChannelEngine::capacity() const
{
	const AccountMonitor::Snapshot account = _account.snapshot();
	const int connections = account.known ? account.maxConnections : 0;
	return connections > 0 ? std::min(connections, _settings.maxChannels) : _settings.maxChannels;
}

Poco::Int64 ChannelEngine::program() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _programChannel != 0 ? _programChannel : _restoringProgram;
}

void ChannelEngine::setProgram(Poco::Int64 streamId, const std::string& requestedBy)
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_restoringProgram = 0; // the admin's choice wins over the saved one
	}
	if (streamId == 0)
	{
		Poco::Int64 ended = 0;
		std::vector<std::shared_ptr<ChannelPipeline>> close;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			ended = _programChannel;
			if (ended == 0) return;
			const auto found = _channels.find(ended);
			if (found != _channels.end() && found->second.pipeline && _programFeed) found->second.pipeline->detach(_programFeed);
			_programFeed.reset();
			_programChannel = 0;
			++_stateVersion;
			letGoLocked(ended, true, close);
		}
		_program->end();
		_logger.information("program ended (channel %Ld) by %s", ended, requestedBy);
		closeLater(std::move(close));
		saveState();
		publish(ChannelEvent::Kind::Program, ChannelStatus());
		return;
	}
	hold(streamId, Hold::Program, requestedBy, true);
	_logger.information("channel %Ld on air, set by %s", streamId, requestedBy);
}

bool ChannelEngine::stop(Poco::Int64 streamId, const std::string& requestedBy)
{
	bool programEnded = false;
	std::vector<std::shared_ptr<ChannelPipeline>> close;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		const auto found = _channels.find(streamId);
		if (found == _channels.end()) return false;
		found->second.pinned = false;
		if (streamId == _programChannel)
		{
			if (found->second.pipeline && _programFeed) found->second.pipeline->detach(_programFeed);
			_programFeed.reset();
			_programChannel = 0;
			programEnded = true;
		}
		++_stateVersion;
		letGoLocked(streamId, true, close);
	}
	if (programEnded) _program->end();
	_logger.information("channel %Ld stopped by %s%s", streamId, requestedBy,
		std::string(close.empty() ? " (it runs on for its other holders)" : ""));
	closeLater(std::move(close));
	saveState();
	if (programEnded) publish(ChannelEvent::Kind::Program, ChannelStatus());
	return true;
}

void ChannelEngine::release(Poco::Int64 streamId, Poco::UInt64 lease)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const auto found = _channels.find(streamId);
	if (found == _channels.end()) return;
	found->second.leases.erase(lease);
	std::vector<std::shared_ptr<ChannelPipeline>> none;
	letGoLocked(streamId, false, none);
}

bool ChannelEngine::leaseActive(Poco::Int64 streamId, Poco::UInt64 lease) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	const auto found = _channels.find(streamId);
	return found != _channels.end() && found->second.leases.count(lease) > 0;
}

void ChannelEngine::refreshAccount()
{
	_account.refreshSoon();
}

std::unique_ptr<Subscription> ChannelEngine::subscribe(std::function<void(const ChannelEvent&)> callback)
{
	return _events.subscribe("host", std::move(callback));
}

std::unique_ptr<Subscription> ChannelEngine::subscribe(const std::string& owner, std::function<void(const ChannelEvent&)> callback)
{
	return _events.subscribe(owner, std::move(callback));
}

Poco::UInt64 ChannelEngine::hold(Poco::Int64 streamId, Hold kind, const std::string& holder, bool replacesProgram)
{
	ChannelInfo info;
	try
	{
		if (!_catalog.find(streamId, info))
			throw refusal(ChannelErrors::NOT_FOUND, "No channel " + std::to_string(streamId) + " in the catalog", 404);
	}
	catch (const SourceException& exc)
	{
		throw SourceErrors::toChannelException(exc, _redactor.redact(exc.message()));
	}
	std::vector<ChannelPipeline::Sink> programSinks;
	if (kind == Hold::Program && !_program->running())
	{
		// made before the lock is taken (plugin code); dropped below if another call began the program first
		std::vector<std::pair<std::string, std::shared_ptr<Output>>> outputs;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			outputs = _outputs;
		}
		for (const auto& output : outputs)
		{
			std::shared_ptr<ChannelSink> sink;
			PluginGuard::call(_logger, output.first, "Output::createProgramSink", [&] { sink = output.second->createProgramSink(); });
			if (sink) programSinks.push_back({output.first, sink});
		}
	}

	Plan plan;
	bool programBegins = false;
	bool programChanged = false;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (!_accepting) throw refusal(ChannelErrors::STOPPING, "restream is not running channels (starting up or stopping)", 503);
		const Poco::Int64 previous = _programChannel;
		const bool switching = replacesProgram && previous != 0 && previous != streamId;
		Poco::Int64 freed = 0;
		if (switching)
		{
			_programChannel = 0; // as if released: would it stop?
			const auto old = _channels.find(previous);
			if (old != _channels.end() && !heldLocked(previous, old->second)) freed = previous;
		}
		try
		{
			if (!_channels.count(streamId)) admit(streamId, freed, kind != Hold::Lease, plan);
		}
		catch (const ChannelException&)
		{
			_programChannel = previous; // refused: nothing changed
			throw;
		}
		_programChannel = previous;

		if (switching)
		{
			const auto old = _channels.find(previous);
			if (old != _channels.end() && old->second.pipeline && _programFeed) old->second.pipeline->detach(_programFeed);
			_programFeed.reset();
			_programChannel = 0;
			letGoLocked(previous, true, plan.close);
		}
		auto found = _channels.find(streamId);
		if (found == _channels.end())
		{
			Entry entry;
			entry.info = info;
			found = _channels.emplace(streamId, entry).first;
			plan.create = true;
			plan.info = info;
		}
		Entry& entry = found->second;
		entry.idle = false;
		switch (kind)
		{
		case Hold::Pin:
			entry.pinned = true;
			++_stateVersion;
			break;
		case Hold::Program:
			programChanged = _programChannel != streamId;
			_programChannel = streamId;
			++_stateVersion;
			break;
		case Hold::Lease:
			plan.lease = _nextLease++;
			entry.leases.emplace(plan.lease, holder);
			break;
		}
		if (kind == Hold::Program && !_program->running())
		{
			_program->begin(std::move(programSinks)); // nothing ran before: no plugin code is called
			programBegins = true;
		}
	}
	for (auto& unused : programSinks)
		PluginGuard::call(_logger, unused.owner, "program ChannelSink::end", [&] { unused.sink->end(); });
	closeLater(std::move(plan.close));
	if (plan.create) create(plan.info, holder);
	if (kind == Hold::Program && (programChanged || programBegins)) attachProgram(streamId);
	if (kind != Hold::Lease) saveState();
	if (kind == Hold::Program && programChanged)
	{
		ChannelStatus onAir;
		this->status(streamId, onAir);
		publish(ChannelEvent::Kind::Program, onAir);
	}
	return plan.lease;
}

void ChannelEngine::admit(Poco::Int64 streamId, Poco::Int64 freed, bool outranksLeases, Plan& plan)
{
	const AccountMonitor::Snapshot account = _account.snapshot();
	const int connections = account.known ? account.maxConnections : 0;
	const int limit = capacity();
	int running = 0;
	for (const auto& channel : _channels) running += channel.first != freed ? 1 : 0;
	while (running >= limit)
	{
		// a channel that only waits out its idle delay gives its connection up
		auto oldest = _channels.end();
		for (auto it = _channels.begin(); it != _channels.end(); ++it)
		{
			if (it->second.idle && it->first != freed && (oldest == _channels.end() || it->second.idleSince < oldest->second.idleSince))
				oldest = it;
		}
		if (oldest == _channels.end() && outranksLeases)
		{
			// the admin's program and pins outrank viewers' leases
			for (auto it = _channels.begin(); it != _channels.end(); ++it)
			{
				if (it->first != freed && !it->second.pinned && it->first != _programChannel && oldest == _channels.end()) oldest = it;
			}
		}
		if (oldest == _channels.end()) break;
		_logger.information("channel %Ld (%s) stops (%s): channel %Ld needs its provider connection", oldest->first,
			oldest->second.info.name, std::string(oldest->second.idle ? "idle" : "held by viewers only"), streamId);
		if (oldest->second.pipeline) plan.close.push_back(oldest->second.pipeline);
		_channels.erase(oldest);
		--running;
	}
	if (running >= limit)
	{
		std::string names;
		for (const auto& channel : _channels)
		{
			if (channel.first == freed) continue;
			names += (names.empty() ? "" : ", ") + channel.second.info.name;
		}
		if (connections > 0 && connections <= _settings.maxChannels)
			throw refusal(ChannelErrors::CONNECTION_LIMIT, "all " + describeCount(connections, "provider connection") + " are in use by " + names, 409);
		throw refusal(ChannelErrors::CHANNEL_LIMIT, "restream already runs " + describeCount(running, "channel") + " (live.maxChannels): " + names, 409);
	}
	// with nothing of ours running or closing since the account was read, a full account is someone else's
	if (running == 0 && _closing.empty() && connections > 0 && account.activeConnections >= connections && account.fetchedAt > _lastClosedAt)
	{
		_account.refreshSoon();
		throw refusal(ChannelErrors::CONNECTION_LIMIT, "The provider's account already uses all its " + describeCount(connections, "connection") +
			", none of them restream's: stop the other player, or wait for the provider to free the slot", 409);
	}
}

void ChannelEngine::create(const ChannelInfo& info, const std::string& holder)
{
	std::vector<std::pair<std::string, std::shared_ptr<Output>>> outputs;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		outputs = _outputs;
	}
	std::vector<ChannelPipeline::Sink> sinks;
	for (const auto& output : outputs)
	{
		std::shared_ptr<ChannelSink> sink;
		PluginGuard::call(_logger, output.first, "Output::createSink", [&] { sink = output.second->createSink(info); });
		if (sink) sinks.push_back({output.first, sink});
	}
	const Poco::Int64 streamId = info.streamId;
	auto pipeline = std::make_shared<ChannelPipeline>(
		info, [this, streamId](const std::atomic<bool>& stopRequested) { return open(streamId, stopRequested); }, std::move(sinks),
		_settings.recovery, _redactor, _logger, [this, streamId] { changed(streamId); });
	std::vector<std::shared_ptr<Poco::Event>> after;
	bool installed = false;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		for (const auto& closing : _closing) after.push_back(closing->closed());
		const auto found = _channels.find(streamId);
		if (_accepting && found != _channels.end() && !found->second.pipeline)
		{
			found->second.pipeline = pipeline;
			installed = true;
			if (_programChannel == streamId) attachProgramLocked(pipeline);
		}
	}
	pipeline->start(after);
	if (!installed)
	{
		closeLater({pipeline}); // stopped while it was being made: its sinks end on its thread
		return;
	}
	_logger.information("channel %Ld (%s) started for %s", streamId, info.name, holder);
	publish(ChannelEvent::Kind::Started, statusOf(streamId, pipeline));
}

std::unique_ptr<LiveInput> ChannelEngine::open(Poco::Int64 streamId, const std::atomic<bool>& stopRequested)
{
	try
	{
		if (auto producer = _catalog.openProducer(streamId))
			return std::unique_ptr<LiveInput>(new ProducerInput(std::move(producer), _catalog.sourceOwner(), _logger));
		return std::unique_ptr<LiveInput>(new UrlInput(_catalog.resolve(streamId), _settings.input, stopRequested));
	}
	catch (const SourceException& exc)
	{
		throw SourceErrors::toChannelException(exc, _redactor.redact(exc.message()));
	}
}

bool ChannelEngine::heldLocked(Poco::Int64 streamId, const Entry& entry) const
{
	return entry.pinned || !entry.leases.empty() || streamId == _programChannel;
}

void ChannelEngine::letGoLocked(Poco::Int64 streamId, bool now, std::vector<std::shared_ptr<ChannelPipeline>>& close)
{
	const auto found = _channels.find(streamId);
	if (found == _channels.end() || heldLocked(streamId, found->second)) return;
	if (now)
	{
		if (found->second.pipeline) close.push_back(found->second.pipeline);
		_channels.erase(found);
		return;
	}
	if (!found->second.idle)
	{
		found->second.idle = true;
		found->second.idleSince.update();
		_wakeUp.set();
	}
}

void ChannelEngine::closeLater(std::vector<std::shared_ptr<ChannelPipeline>> pipelines)
{
	if (pipelines.empty()) return;
	for (const auto& pipeline : pipelines) pipeline->requestStop();
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_closing.insert(_closing.end(), pipelines.begin(), pipelines.end());
	}
	_wakeUp.set();
	for (const auto& pipeline : pipelines)
	{
		ChannelStatus stopped = pipeline->status();
		stopped.state = ChannelStatus::State::Stopped;
		publish(ChannelEvent::Kind::Stopped, stopped);
	}
}

void ChannelEngine::attachProgram(Poco::Int64 streamId)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	if (_programChannel != streamId) return; // switched again meanwhile
	const auto found = _channels.find(streamId);
	if (found == _channels.end() || !found->second.pipeline) return;
	attachProgramLocked(found->second.pipeline);
}

void ChannelEngine::attachProgramLocked(const std::shared_ptr<ChannelPipeline>& pipeline)
{
	if (_programFeed && _programFeedSource.lock() == pipeline) return;
	if (_programFeed) pipeline->detach(_programFeed);
	_programFeed = _program->feed(_programChannel);
	_programFeedSource = pipeline;
	if (_programFeed) pipeline->attach({"program", _programFeed});
}

ChannelStatus ChannelEngine::statusOf(Poco::Int64 streamId, const std::shared_ptr<ChannelPipeline>& pipeline) const
{
	ChannelStatus status = pipeline->status();
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		const auto found = _channels.find(streamId);
		if (found != _channels.end()) holdersLocked(streamId, found->second, status);
	}
	if (status.onAir)
	{
		// the program's viewers watch this channel too (its feed counts none of its own)
		status.viewers += _program->viewers();
		status.bytesServed += _program->bytesServed();
	}
	return status;
}

void ChannelEngine::holdersLocked(Poco::Int64 streamId, const Entry& entry, ChannelStatus& status) const
{
	status.pinned = entry.pinned;
	status.onAir = streamId == _programChannel;
	status.holders.clear();
	if (status.onAir) status.holders.push_back("program");
	for (const auto& lease : entry.leases) status.holders.push_back(lease.second);
}

void ChannelEngine::changed(Poco::Int64 streamId)
{
	std::shared_ptr<ChannelPipeline> pipeline;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		const auto found = _channels.find(streamId);
		if (found == _channels.end() || !found->second.pipeline) return;
		pipeline = found->second.pipeline;
	}
	const ChannelStatus status = statusOf(streamId, pipeline);
	if (status.errorCode == ChannelErrors::UPSTREAM_REFUSED) _account.refreshSoon();
	publish(ChannelEvent::Kind::StateChanged, status);
}

void ChannelEngine::publish(ChannelEvent::Kind kind, const ChannelStatus& status)
{
	ChannelEvent event;
	event.kind = kind;
	event.status = status;
	_events.publish(event);
}

void ChannelEngine::saveState()
{
	Poco::UInt64 version = 0;
	Poco::Int64 program = 0;
	std::vector<Poco::Int64> pinned;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		if (!_accepting) return; // a shutdown keeps what was wanted
		version = _stateVersion;
		program = _programChannel;
		for (const auto& channel : _channels)
		{
			if (channel.second.pinned) pinned.push_back(channel.first);
		}
	}
	Poco::FastMutex::ScopedLock writing(_stateFileMutex);
	if (version <= _stateWritten) return; // a later change was written already
	try
	{
		_state.save(program, pinned);
		_stateWritten = version;
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("the live state cannot be saved, a restart will not restore it: %s", exc.displayText());
	}
}

ChannelException ChannelEngine::refusal(const std::string& code, const std::string& message, int status)
{
	return ChannelException(code, message, status);
}

void ChannelEngine::run()
{
	while (!_stopping)
	{
		_wakeUp.tryWait(REAPER_PERIOD_MS);
		std::vector<std::shared_ptr<ChannelPipeline>> idle;
		std::vector<std::shared_ptr<ChannelPipeline>> closed;
		{
			Poco::FastMutex::ScopedLock lock(_mutex);
			for (auto it = _channels.begin(); it != _channels.end();)
			{
				if (it->second.idle && it->second.idleSince.isElapsed(_settings.idleTimeout.totalMicroseconds()))
				{
					_logger.information("channel %Ld (%s) stops: nothing held it for %d s", it->first, it->second.info.name,
						static_cast<int>(_settings.idleTimeout.totalSeconds()));
					if (it->second.pipeline) idle.push_back(it->second.pipeline);
					it = _channels.erase(it);
				}
				else
				{
					++it;
				}
			}
			for (auto it = _closing.begin(); it != _closing.end();)
			{
				if ((*it)->closed()->tryWait(0))
				{
					closed.push_back(*it);
					it = _closing.erase(it);
				}
				else
				{
					++it;
				}
			}
			if (!closed.empty()) _lastClosedAt.update();
		}
		closeLater(std::move(idle));
		for (const auto& pipeline : closed) pipeline->join(); // ended already: returns at once
	}
}

} // namespace restream::host
