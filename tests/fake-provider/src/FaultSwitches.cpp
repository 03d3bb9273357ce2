//
// FaultSwitches.cpp
//
// Library: fakeprovider
//


#include "FaultSwitches.h"
#include "Poco/Exception.h"


namespace fakeprovider {


FaultSwitches::FaultSwitches(const ProviderOptions& options)
{
	reset(options);
}


void FaultSwitches::set(int channelId, const ChannelFaults& faults)
{
	if (faults.status != 0 && (faults.status < 300 || faults.status > 599))
		throw Poco::InvalidArgumentException("status must be 0 or 300-599");
	if (faults.dropAfter.totalMicroseconds() < 0)
		throw Poco::InvalidArgumentException("drop_after must not be negative");
	if (faults.redirects < 0 || faults.redirects > 100)
		throw Poco::InvalidArgumentException("redirect must be 0-100");
	if (faults.bitRateMbps < 0 || faults.bitRateMbps > MAX_BIT_RATE_MBPS)
		throw Poco::InvalidArgumentException("bitrate_mbps must be 0-1000");
	std::lock_guard<std::mutex> lock(_mutex);
	if (faults == ChannelFaults()) _faults.erase(channelId);
	else _faults[channelId] = faults;
}


ChannelFaults FaultSwitches::get(int channelId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _faults.find(channelId);
	return it == _faults.end() ? ChannelFaults() : it->second;
}


ChannelFaults FaultSwitches::effective(int channelId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	ChannelFaults global;
	ChannelFaults own;
	auto it = _faults.find(0);
	if (it != _faults.end()) global = it->second;
	it = _faults.find(channelId);
	if (it != _faults.end()) own = it->second;

	ChannelFaults merged;
	merged.dropAfter = own.dropAfter.totalMicroseconds() > 0 ? own.dropAfter : global.dropAfter;
	merged.stall = own.stall || global.stall;
	merged.status = own.status != 0 ? own.status : global.status;
	merged.garbage = own.garbage || global.garbage;
	merged.redirects = own.redirects != 0 ? own.redirects : global.redirects;
	merged.redirectLoop = own.redirectLoop || global.redirectLoop;
	merged.bitRateMbps = own.bitRateMbps != 0 ? own.bitRateMbps : global.bitRateMbps;
	merged.oversizedPes = own.oversizedPes || global.oversizedPes;
	merged.hlsLoop = own.hlsLoop || global.hlsLoop;
	return merged;
}


std::map<int, ChannelFaults> FaultSwitches::all() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _faults;
}


void FaultSwitches::setApiMode(ApiMode mode)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_apiMode = mode;
}


ApiMode FaultSwitches::apiMode() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _apiMode;
}


void FaultSwitches::setApiDelay(Poco::Timespan delay)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_apiDelay = delay;
}


Poco::Timespan FaultSwitches::apiDelay() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _apiDelay;
}


void FaultSwitches::setCatalogDrip(Poco::Timespan interval)
{
	if (interval.totalMicroseconds() < 0) throw Poco::InvalidArgumentException("catalog_drip_ms must not be negative");
	std::lock_guard<std::mutex> lock(_mutex);
	_catalogDrip = interval;
}


Poco::Timespan FaultSwitches::catalogDrip() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _catalogDrip;
}


void FaultSwitches::setUserAgentRequired(const std::string& substring)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_userAgentRequired = substring;
}


std::string FaultSwitches::userAgentRequired() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _userAgentRequired;
}


bool FaultSwitches::userAgentAllowed(const std::string& userAgent) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _userAgentRequired.empty() || userAgent.find(_userAgentRequired) != std::string::npos;
}


void FaultSwitches::reset(const ProviderOptions& options)
{
	setCatalogDrip(options.catalogDrip);
	std::lock_guard<std::mutex> lock(_mutex);
	_faults.clear();
	_apiMode = ApiMode::NORMAL;
	_apiDelay = options.apiDelay;
	_userAgentRequired.clear();
}


} // namespace fakeprovider
