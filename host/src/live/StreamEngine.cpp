//
// StreamEngine.cpp
//

#include "live/StreamEngine.h"
#include "live/ProducerInput.h"
#include "logging/Redactor.h"
#include "live/UpstreamException.h"
#include "live/UrlInput.h"
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Thread.h>
#include <algorithm>

namespace restream::host {

StreamEngine::StreamEngine(Catalog& catalog, const ServiceRegistry& registry, const UrlInputOptions& inputOptions,
	const RecoveryPolicy& policy, int maxChannels, const LiveState& liveState, const Redactor& redactor, Poco::Logger& logger):
	_catalog(catalog),
	_outputs(registry.ownedWithRole<Output>()),
	_inputOptions(inputOptions),
	_policy(policy),
	_maxChannels(maxChannels),
	_liveState(liveState),
	_redactor(redactor),
	_logger(logger)
{
	if (_outputs.empty()) _logger.warning("no output plugin is running: started channels reach no viewer");
}

StreamEngine::~StreamEngine()
{
	stopAll();
}

ChannelPipeline::Status StreamEngine::start(Poco::Int64 streamId, bool primary)
{
	Poco::FastMutex::ScopedLock control(_controlMutex);
	const ChannelPipeline::Status status = startLocked(streamId, primary, true);
	saveState();
	return status;
}

void StreamEngine::restore(const std::atomic<bool>& cancelled)
{
	Poco::Int64 primary = 0;
	std::vector<Poco::Int64> channels;
	if (!_liveState.load(primary, channels))
	{
		if (Poco::File(_liveState.path()).exists()) _logger.warning("%s cannot be read; no channel restored", _liveState.path());
		return;
	}
	if (primary > 0 && std::find(channels.begin(), channels.end(), primary) == channels.end()) channels.insert(channels.begin(), primary);
	while (!channels.empty() && !cancelled)
	{
		const Poco::Int64 streamId = channels.front();
		try
		{
			Poco::FastMutex::ScopedLock control(_controlMutex);
			if (cancelled) return;
			startLocked(streamId, streamId == primary, false);
			_logger.information("channel %Ld restored after a restart", streamId);
			channels.erase(channels.begin());
		}
		catch (const SourceException& exc)
		{
			if (exc.kind() == SourceException::NotFound)
			{
				_logger.warning("channel %Ld is no longer in the catalog; not restored", streamId);
				channels.erase(channels.begin());
				continue;
			}
			_logger.warning("cannot restore channel %Ld yet: %s", streamId, _redactor.redact(exc.message()));
			for (int waited = 0; waited < 50 && !cancelled; ++waited) Poco::Thread::sleep(100);
		}
		catch (const Poco::Exception& exc)
		{
			_logger.warning("channel %Ld not restored: %s", streamId, exc.message());
			channels.erase(channels.begin());
		}
	}
}

ChannelPipeline::Status StreamEngine::startLocked(Poco::Int64 streamId, bool primary, bool checkAccount)
{
	const auto snapshot = _catalog.snapshot();
	const SourceChannel* listed = snapshot->find(streamId);
	if (!listed) throw SourceException(SourceException::NotFound, "No channel " + std::to_string(streamId) + " in the catalog");
	ChannelPipeline::Status current;
	if (status(streamId, current))
	{
		if (primary && this->primary() != streamId) announcePrimary(streamId);
		return current;
	}
	const Poco::Int64 replaced = primary ? this->primary() : 0;
	if (replaced != 0)
	{
		// the old upstream is closed before the new one opens: never two connections
		announcePrimary(0);
		remove(replaced);
		_logger.information("channel %Ld replaced by %Ld as primary", replaced, streamId);
	}
	std::size_t running = 0;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		running = _channels.size();
	}
	if (static_cast<int>(running) >= _maxChannels)
		throw Poco::IllegalStateException("restream already runs " + std::to_string(running) + " channels (live.maxChannels)");
	// with a channel of ours running (or just replaced), a busy slot may be ours: only an idle restream checks
	if (running == 0 && replaced == 0 && checkAccount) checkConnectionsAvailable();

	ChannelInfo channel;
	channel.streamId = streamId;
	channel.name = listed->name;
	channel.categoryName = snapshot->categoryName(listed->categoryId);
	std::vector<std::shared_ptr<ChannelSink>> sinks;
	for (const auto& output : _outputs)
	{
		try
		{
			if (auto sink = output.second->createSink(channel)) sinks.push_back(sink);
		}
		catch (...)
		{
			_logger.error("plugin %s failed in createSink; the channel runs without it", output.first);
		}
	}
	auto pipeline = std::unique_ptr<ChannelPipeline>(new ChannelPipeline(
		channel, [this, streamId](const std::atomic<bool>& stopRequested) { return open(streamId, stopRequested); }, sinks, _policy,
		_redactor, _logger));
	pipeline->start();
	_logger.information("channel %Ld (%s) started%s", streamId, channel.name, std::string(primary ? " as primary" : ""));
	const ChannelPipeline::Status started = pipeline->status();
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_channels[streamId] = std::move(pipeline);
	}
	if (primary) announcePrimary(streamId);
	return started;
}

bool StreamEngine::stop(Poco::Int64 streamId)
{
	Poco::FastMutex::ScopedLock control(_controlMutex);
	if (streamId == 0) streamId = primary();
	if (streamId == 0) return false;
	if (streamId == primary()) announcePrimary(0);
	const bool stopped = remove(streamId);
	if (stopped) _logger.information("channel %Ld stopped", streamId);
	saveState();
	return stopped;
}

void StreamEngine::stopAll()
{
	Poco::FastMutex::ScopedLock control(_controlMutex);
	if (primary() != 0) announcePrimary(0);
	std::map<Poco::Int64, std::unique_ptr<ChannelPipeline>> channels;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		channels.swap(_channels);
	}
	channels.clear(); // each pipeline stops and closes its upstream here
}

bool StreamEngine::remove(Poco::Int64 streamId)
{
	std::unique_ptr<ChannelPipeline> pipeline;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		auto running = _channels.find(streamId);
		if (running == _channels.end()) return false;
		pipeline = std::move(running->second);
		_channels.erase(running);
	}
	pipeline->stop(); // outside the lock: status readers never wait for an upstream to close
	return true;
}

Poco::Int64 StreamEngine::primary() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return _primary;
}

bool StreamEngine::status(Poco::Int64 streamId, ChannelPipeline::Status& status) const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	auto running = _channels.find(streamId == 0 ? _primary : streamId);
	if (running == _channels.end()) return false;
	status = running->second->status();
	return true;
}

std::vector<ChannelPipeline::Status> StreamEngine::statuses() const
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<ChannelPipeline::Status> result;
	for (const auto& channel : _channels) result.push_back(channel.second->status());
	return result;
}

std::unique_ptr<LiveInput> StreamEngine::open(Poco::Int64 streamId, const std::atomic<bool>& stopRequested)
{
	try
	{
		if (auto producer = _catalog.openProducer(streamId)) return std::unique_ptr<LiveInput>(new ProducerInput(std::move(producer)));
		return std::unique_ptr<LiveInput>(new UrlInput(_catalog.resolve(streamId), _inputOptions, stopRequested));
	}
	catch (const SourceException& exc)
	{
		throw UpstreamException(exc.message(), exc.code());
	}
}

void StreamEngine::checkConnectionsAvailable()
{
	SourceAccount account;
	try
	{
		account = _catalog.account();
	}
	catch (const SourceException& exc)
	{
		_logger.debug("account check skipped: %s", exc.message());
		return;
	}
	if (account.maxConnections > 0 && account.activeConnections >= account.maxConnections)
	{
		throw Poco::IllegalStateException("The provider's account already uses all its " + std::to_string(account.maxConnections) +
			" connection(s), none of them restream's: stop the other player, or wait for the provider to free the slot");
	}
}

void StreamEngine::saveState()
{
	std::vector<Poco::Int64> channels;
	Poco::Int64 primary = 0;
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		for (const auto& channel : _channels) channels.push_back(channel.first);
		primary = _primary;
	}
	try
	{
		_liveState.save(primary, channels);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("the live state cannot be saved, a restart will not restore it: %s", exc.displayText());
	}
}

void StreamEngine::announcePrimary(Poco::Int64 streamId)
{
	{
		Poco::FastMutex::ScopedLock lock(_mutex);
		_primary = streamId;
	}
	for (const auto& output : _outputs)
	{
		try
		{
			output.second->setPrimary(streamId);
		}
		catch (...)
		{
			_logger.error("plugin %s failed in setPrimary", output.first);
		}
	}
}

} // namespace restream::host
