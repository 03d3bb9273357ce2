//
// LiveChannel.cpp
//
// Library: fakeprovider
//


#include "LiveChannel.h"
#include "EncoderSession.h"
#include "ErrorLog.h"
#include "StatsRecorder.h"
#include "Poco/Exception.h"
#include "Poco/Format.h"
#include <algorithm>


namespace fakeprovider {


LiveChannel::LiveChannel(const Catalog::Channel& channel, StatsRecorder& stats, SettingsSource settings, std::chrono::milliseconds linger):
	_channel(channel),
	_stats(stats),
	_settings(std::move(settings)),
	_linger(linger)
{
}


LiveChannel::~LiveChannel()
{
	stop();
}


bool LiveChannel::subscribe(const std::shared_ptr<ChunkSink>& pClient)
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_stopRequested) return false;
	if (!_running)
	{
		// A finished thread has given up the mutex for good: joining it here cannot deadlock.
		if (_thread.joinable()) _thread.join();
		_thread = std::thread(&LiveChannel::run, this); // may throw std::system_error
		_running = true;
	}
	_clients.push_back(pClient);
	return true;
}


void LiveChannel::unsubscribe(const std::shared_ptr<ChunkSink>& pClient)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = std::find(_clients.begin(), _clients.end(), pClient);
	if (it == _clients.end()) return;
	_clients.erase(it);
	if (_clients.empty()) _lastLeave = Clock::now();
}


void LiveChannel::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopRequested = true;
		for (auto& pClient: _clients) pClient->close();
		_wakeUp.notify_all();
	}
	// No thread is started once _stopRequested is set, so _thread is stable here.
	if (_thread.joinable()) _thread.join();
}


void LiveChannel::run()
{
	for (;;)
	{
		bool failed = false;
		try
		{
			runSession();
		}
		catch (Poco::Exception& exc)
		{
			logError(Poco::format("encoder of channel %d: %s", _channel.streamId, exc.displayText()));
			failed = true;
		}
		catch (std::exception& exc)
		{
			logError(Poco::format("encoder of channel %d: %s", _channel.streamId, std::string(exc.what())));
			failed = true;
		}
		catch (...)
		{
			logError(Poco::format("encoder of channel %d: unknown exception", _channel.streamId));
			failed = true;
		}
		std::lock_guard<std::mutex> lock(_mutex);
		if (failed)
		{
			for (auto& pClient: _clients) pClient->close();
			_clients.clear();
		}
		if (_stopRequested || _clients.empty())
		{
			_running = false;
			return;
		}
	}
}


void LiveChannel::runSession()
{
	EncoderSession session(_channel.profile, _channel.name, [this](const std::uint8_t* data, int size) { deliver(data, size); });
	_stats.encoderStarted(_channel.streamId);
	struct StoppedGuard
	{
		StatsRecorder& stats;
		int channelId;
		~StoppedGuard() { stats.encoderStopped(channelId); }
	} stoppedGuard{_stats, _channel.streamId};

	Clock::time_point start = Clock::now();
	std::unique_lock<std::mutex> lock(_mutex);
	for (;;)
	{
		if (_stopRequested) return;
		const Clock::time_point now = Clock::now();
		if (_clients.empty() && now - _lastLeave >= _linger) return;
		const Clock::time_point due = start + std::chrono::microseconds(session.nextDue());
		if (now < due)
		{
			_wakeUp.wait_until(lock, due);
			continue;
		}
		// Far behind (machine overloaded, process stopped): skip ahead instead of bursting.
		if (now - due > std::chrono::seconds(1)) start += now - due;
		lock.unlock();
		session.produce(_settings(_channel.streamId));
		lock.lock();
	}
}


void LiveChannel::deliver(const std::uint8_t* data, int size)
{
	try
	{
		auto pChunk = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
		std::lock_guard<std::mutex> lock(_mutex);
		for (auto& pClient: _clients) pClient->push(pChunk);
	}
	catch (std::exception& exc)
	{
		logError(Poco::format("channel %d: cannot deliver data: %s", _channel.streamId, std::string(exc.what())));
	}
}


} // namespace fakeprovider
