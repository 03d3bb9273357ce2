//
// ProviderContext.cpp
//
// Library: fakeprovider
//


#include "ProviderContext.h"
#include "Poco/Exception.h"
#include "Poco/NumberFormatter.h"


namespace fakeprovider {


namespace {


std::vector<int> fileChannelIds(const ProviderOptions& options)
{
	std::vector<int> ids;
	for (const auto& entry: options.fileChannels) ids.push_back(entry.first);
	return ids;
}


} // namespace


ProviderContext::ProviderContext(const ProviderOptions& options):
	_options(options),
	_catalog(options.channelCount, fileChannelIds(options)),
	_faults(options),
	_settings(options),
	_slots(options.maxConnections, options.slotReleaseDelay),
	_pHub(makeHub()),
	_pHlsViewers(std::make_unique<HlsViewers>(*_pHub, _slots, _stats)),
	_stopEvent(Poco::Event::EVENT_MANUALRESET)
{
}


ProviderContext::~ProviderContext()
{
	_pHlsViewers->stop();
	_pHub->stop();
}


const ProviderOptions& ProviderContext::options() const
{
	return _options;
}


const Catalog& ProviderContext::catalog() const
{
	return _catalog;
}


StatsRecorder& ProviderContext::stats()
{
	return _stats;
}


FaultSwitches& ProviderContext::faults()
{
	return _faults;
}


RuntimeSettings& ProviderContext::settings()
{
	return _settings;
}


ConnectionSlots& ProviderContext::slots()
{
	return _slots;
}


RedirectTokens& ProviderContext::tokens()
{
	return _tokens;
}


ChannelHub& ProviderContext::hub()
{
	return *_pHub;
}


HlsViewers& ProviderContext::hlsViewers()
{
	return *_pHlsViewers;
}


void ProviderContext::setHls(bool enabled)
{
	_settings.setHls(enabled);
	if (!enabled) _pHlsViewers->endAll();
}


void ProviderContext::beginRun(Poco::UInt16 port)
{
	_port = port;
	_pHlsViewers.reset();
	_pHub = makeHub();
	_pHlsViewers = std::make_unique<HlsViewers>(*_pHub, _slots, _stats);
	_stopping = false;
	_stopEvent.reset();
}


void ProviderContext::requestStop()
{
	_stopping = true;
	_stopEvent.set();
	_pHlsViewers->stop();
	_pHub->stop();
}


bool ProviderContext::stopping() const
{
	return _stopping;
}


bool ProviderContext::waitForStop(Poco::Timespan timeout)
{
	return _stopEvent.tryWait(static_cast<long>(timeout.totalMilliseconds())) || _stopping;
}


Poco::UInt16 ProviderContext::port() const
{
	return _port;
}


std::string ProviderContext::baseUrl() const
{
	return "http://127.0.0.1:" + Poco::NumberFormatter::format(static_cast<unsigned>(_port));
}


bool ProviderContext::credentialsMatch(const std::string& username, const std::string& password) const
{
	return username == _options.username && password == _options.password;
}


void ProviderContext::resetFaults()
{
	_faults.reset(_options);
	setHls(_options.hls);
	_settings.reset(_options);
	_slots.setLimit(_options.maxConnections);
	_slots.setReleaseDelay(_options.slotReleaseDelay);
}


EncoderSession::Settings ProviderContext::encoderSettings(int channelId) const
{
	EncoderSession::Settings settings;
	settings.gopFrames = _settings.gopFrames();
	settings.videoBitRate = static_cast<Poco::Int64>(_faults.effective(channelId).bitRateMbps) * 1000000;
	return settings;
}


std::unique_ptr<ChannelHub> ProviderContext::makeHub()
{
	return std::make_unique<ChannelHub>(_stats, [this](int channelId) { return encoderSettings(channelId); },
		std::chrono::milliseconds(_options.encoderLinger.totalMilliseconds()));
}


void ProviderContext::checkChannel(int channelId) const
{
	Catalog::Channel channel;
	if (channelId != 0 && !_catalog.find(channelId, channel))
		throw Poco::NotFoundException("no channel with stream id", Poco::NumberFormatter::format(channelId));
}


} // namespace fakeprovider
