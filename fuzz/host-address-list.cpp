//
// host-address-list.cpp
//
// AddressList on any setting text (http.trustedProxies, LAN networks): the
// first input line is the list, each further line an address to match.
// Contract: a list that is refused throws Poco::InvalidArgumentException
// only; a list read contains the address of each of its entries; an IPv4
// address and its IPv4-mapped IPv6 form match alike; contains() never throws.
//

#include "FuzzInput.h"
#include "net/AddressList.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

using restream::host::AddressList;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::vector<std::string> lines = restreamfuzz::lines(restreamfuzz::text(data, size));
	AddressList list;
	try
	{
		list = AddressList(lines[0]);
	}
	catch (const Poco::InvalidArgumentException&)
	{
		return 0;
	}
	const Poco::StringTokenizer entries(lines[0], ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const std::string& entry : entries)
	{
		if (Poco::icompare(entry, "any") != 0) FUZZ_CHECK(list.contains(entry.substr(0, entry.find('/'))));
	}
	for (std::size_t i = 1; i < lines.size(); ++i)
	{
		const bool contained = list.contains(lines[i]);
		Poco::Net::IPAddress address;
		if (Poco::Net::IPAddress::tryParse(Poco::trim(lines[i]), address) && address.family() == Poco::Net::IPAddress::IPv4)
			FUZZ_CHECK(list.contains("::ffff:" + address.toString()) == contained);
	}
	return 0;
}
