//
// GuideCache.cpp
//

#include "GuideCache.h"
#include "GuideFilter.h"
#include "GuideInput.h"
#include "restream/SourceException.h"
#include <Poco/DeflatingStream.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/Stopwatch.h>
#include <Poco/StreamCopier.h>
#include <Poco/TeeStream.h>
#include <algorithm>
#include <chrono>
#include <exception>

namespace outputhdhr {

namespace {

void removeQuietly(const std::string& path)
{
	try
	{
		Poco::File(path).remove();
	}
	catch (const Poco::Exception&)
	{
		// already gone
	}
}

} // namespace

GuideCache::GuideCache(restream::Catalog& catalog, const std::string& directory, Poco::Timespan ttl, Poco::Logger& logger):
	_catalog(catalog),
	_plainPath(Poco::Path(directory, "epg.xml").toString()),
	_gzipPath(Poco::Path(directory, "epg.xml.gz").toString()),
	_statePath(Poco::Path(directory, "epg.json").toString()),
	_ttl(ttl),
	_retryDelay(std::min(ttl, Poco::Timespan(600, 0))),
	_logger(logger)
{
	loadState();
}

GuideCache::~GuideCache()
{
	stop();
}

void GuideCache::start()
{
	_worker = std::thread([this] { run(); });
}

void GuideCache::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stop = true;
	}
	_wake.notify_all();
	if (_worker.joinable()) _worker.join();
}

void GuideCache::want(const std::shared_ptr<const LineupSnapshot>& lineup)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_wanted = lineup;
	if (due()) _wake.notify_all();
}

std::shared_ptr<const std::string> GuideCache::read(bool gzip) const
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_built) return nullptr;
	}
	try
	{
		Poco::FileInputStream in(gzip ? _gzipPath : _plainPath);
		auto body = std::make_shared<std::string>();
		Poco::StreamCopier::copyToString(in, *body);
		return body;
	}
	catch (const Poco::FileException& exc)
	{
		_logger.error("the cached guide is unreadable: %s", exc.displayText());
		return nullptr;
	}
}

bool GuideCache::due() const
{
	if (!_wanted || _building) return false;
	const std::string& wanted = _wanted->fingerprint;
	if (_failed && _failedFingerprint == wanted && !_failedAt.isElapsed(_retryDelay.totalMicroseconds())) return false;
	return !_built || _builtFingerprint != wanted || _builtAt.isElapsed(_ttl.totalMicroseconds());
}

void GuideCache::run()
{
	std::unique_lock<std::mutex> lock(_mutex);
	while (!_stop)
	{
		// Woken by want(); the timeout notices a guide growing old or a retry coming due.
		_wake.wait_for(lock, std::chrono::seconds(30), [this] { return _stop || due(); });
		if (_stop || !due()) continue;
		const auto lineup = _wanted;
		_building = true;
		lock.unlock();
		try
		{
			build(lineup);
		}
		catch (const std::exception& exc)
		{
			_logger.error("the guide could not be filtered: %s", std::string(exc.what()));
			failed(lineup->fingerprint);
		}
		lock.lock();
		_building = false;
	}
}

void GuideCache::build(const std::shared_ptr<const LineupSnapshot>& lineup)
{
	Poco::Stopwatch watch;
	watch.start();
	std::unique_ptr<std::istream> guide;
	try
	{
		guide = _catalog.openGuide();
	}
	catch (const restream::SourceException& exc)
	{
		_logger.warning("the provider's guide is unavailable (%s); /epg.xml serves %s", exc.message(),
			std::string(_built ? "the last one" : "the channels only"));
		return failed(lineup->fingerprint);
	}
	if (!guide)
	{
		_logger.information("the source has no programme guide; /epg.xml serves the lineup's channels only");
		return failed(lineup->fingerprint);
	}

	const std::string plainNew = _plainPath + ".new";
	const std::string gzipNew = _gzipPath + ".new";
	GuideInput input(*guide, _stop);
	try
	{
		std::istream in(&input);
		Poco::FileOutputStream plain(plainNew);
		Poco::FileOutputStream packed(gzipNew);
		Poco::DeflatingOutputStream gzip(packed, Poco::DeflatingStreamBuf::STREAM_GZIP);
		Poco::TeeOutputStream both(plain);
		both.addStream(gzip);
		GuideFilter filter(lineup->guideIds, both);
		filter.parse(in);
		both.flush();
		gzip.close();
		plain.close();
		packed.close();
		if (!plain.good() || !packed.good()) throw Poco::WriteFileException("cannot write the guide", plainNew);
		Poco::File(plainNew).renameTo(_plainPath);
		Poco::File(gzipNew).renameTo(_gzipPath);
		{
			std::lock_guard<std::mutex> lock(_mutex);
			_built = true;
			_builtFingerprint = lineup->fingerprint;
			_builtAt.update();
			_failed = false;
		}
		saveState();
		_logger.information("guide filtered: %z channel(s) and %z programme(s) of %z lineup guide id(s) kept from %.1f MB in %.1f s",
			filter.channels(), filter.programmes(), lineup->guideIds.size(), static_cast<double>(input.bytesRead()) / 1e6,
			static_cast<double>(watch.elapsed()) / 1e6);
	}
	catch (const Poco::Exception& exc)
	{
		removeQuietly(plainNew);
		removeQuietly(gzipNew);
		if (input.stopped()) return;
		_logger.warning("the provider's guide could not be filtered after %.1f MB (%s); /epg.xml serves %s",
			static_cast<double>(input.bytesRead()) / 1e6, input.failed() ? std::string("the download failed") : exc.displayText(),
			std::string(_built ? "the last one" : "the channels only"));
		failed(lineup->fingerprint);
	}
}

void GuideCache::failed(const std::string& fingerprint)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_failed = true;
	_failedFingerprint = fingerprint;
	_failedAt.update();
}

void GuideCache::loadState()
{
	if (!Poco::File(_statePath).exists() || !Poco::File(_plainPath).exists() || !Poco::File(_gzipPath).exists()) return;
	try
	{
		Poco::FileInputStream in(_statePath);
		const auto state = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
		_builtFingerprint = state->getValue<std::string>("fingerprint");
		_builtAt = Poco::Timestamp(state->getValue<Poco::Int64>("builtAt"));
		_built = true;
	}
	catch (const Poco::Exception& exc)
	{
		_logger.warning("%s is unreadable (%s); the guide will be filtered again", _statePath, exc.displayText());
	}
}

void GuideCache::saveState() const
{
	Poco::JSON::Object state;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		state.set("fingerprint", _builtFingerprint);
		state.set("builtAt", static_cast<Poco::Int64>(_builtAt.epochMicroseconds()));
	}
	try
	{
		const std::string temporary = _statePath + ".new";
		{
			Poco::FileOutputStream out(temporary);
			state.stringify(out);
		}
		Poco::File(temporary).renameTo(_statePath);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.warning("cannot write %s (%s): the guide will be filtered again after a restart", _statePath, exc.displayText());
	}
}

} // namespace outputhdhr
