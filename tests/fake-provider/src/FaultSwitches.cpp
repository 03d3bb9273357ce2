//
// FaultSwitches.cpp
//
// Library: fakeprovider
//


#include "FaultSwitches.h"
#include "Poco/Exception.h"


namespace fakeprovider {


FaultSwitches::FaultSwitches(Poco::Timespan apiDelay):
	_apiDelay(apiDelay)
{
}


void FaultSwitches::set(int channelId, const ChannelFaults& faults)
{
	if (faults.status != 0 && (faults.status < 300 || faults.status > 599))
		throw Poco::InvalidArgumentException("status must be 0 or 300-599");
	if (faults.dropAfter.totalMicroseconds() < 0)
		throw Poco::InvalidArgumentException("drop_after must not be negative");
	if (faults.redirects < 0 || faults.redirects > 100)
		throw Poco::InvalidArgumentException("redirect must be 0-100");
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


void FaultSwitches::reset(Poco::Timespan apiDelay)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_faults.clear();
	_apiMode = ApiMode::NORMAL;
	_apiDelay = apiDelay;
	_userAgentRequired.clear();
}


} // namespace fakeprovider
