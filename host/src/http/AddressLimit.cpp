//
// AddressLimit.cpp
//

#include "http/AddressLimit.h"

namespace restream::host {

AddressLimit::AddressLimit(std::size_t maximum):
	_maximum(maximum)
{
}

bool AddressLimit::acquire(const std::string& address)
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::size_t& open = _open[address];
	if (open >= _maximum)
	{
		if (open == 0) _open.erase(address);
		return false;
	}
	++open;
	return true;
}

void AddressLimit::release(const std::string& address)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _open.find(address);
	if (it == _open.end()) return;
	if (--it->second == 0) _open.erase(it);
}

} // namespace restream::host
