//
// PerAddressLimit.cpp
//

#include "PerAddressLimit.h"
#include <utility>

namespace restream::bench {

PerAddressLimit::Ticket::Ticket(PerAddressLimit& limit, std::string address):
	_limit(limit),
	_address(std::move(address))
{
}

PerAddressLimit::Ticket::~Ticket()
{
	_limit.release(_address);
}

PerAddressLimit::PerAddressLimit(unsigned maxPerAddress):
	_maxPerAddress(maxPerAddress)
{
}

bool PerAddressLimit::admit(const std::string& address)
{
	const std::lock_guard<std::mutex> lock(_mutex);
	unsigned& open = _open[address];
	if (_maxPerAddress != 0 && open >= _maxPerAddress) return false;
	++open;
	return true;
}

void PerAddressLimit::release(const std::string& address)
{
	const std::lock_guard<std::mutex> lock(_mutex);
	const auto it = _open.find(address);
	if (it != _open.end() && --it->second == 0) _open.erase(it);
}

} // namespace restream::bench
