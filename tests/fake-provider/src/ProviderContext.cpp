//
// ProviderContext.cpp
//
// Library: fakeprovider
//


#include "ProviderContext.h"
#include "Poco/Exception.h"
#include "Poco/NumberFormatter.h"


namespace fakeprovider {


ProviderContext::ProviderContext(const ProviderOptions& options):
	_options(options),
	_catalog(options.channelCount),
	_faults(options.apiDelay),
	_slots(options.maxConnections, options.slotReleaseDelay),
	_pHub(std::make_unique<ChannelHub>(_stats, std::chrono::milliseconds(options.encoderLinger.totalMilliseconds()))),
	_stopEvent(Poco::Event::EVENT_MANUALRESET)
{
}


ProviderContext::~ProviderContext()
{
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


void ProviderContext::beginRun(Poco::UInt16 port)
{
	_port = port;
	_pHub = std::make_unique<ChannelHub>(_stats, std::chrono::milliseconds(_options.encoderLinger.totalMilliseconds()));
	_stopping = false;
	_stopEvent.reset();
}


void ProviderContext::requestStop()
{
	_stopping = true;
	_stopEvent.set();
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
	_faults.reset(_options.apiDelay);
	_slots.setLimit(_options.maxConnections);
	_slots.setReleaseDelay(_options.slotReleaseDelay);
}


void ProviderContext::checkChannel(int channelId) const
{
	if (channelId != 0 && !_catalog.find(channelId))
		throw Poco::NotFoundException("no channel with stream id", Poco::NumberFormatter::format(channelId));
}


} // namespace fakeprovider
