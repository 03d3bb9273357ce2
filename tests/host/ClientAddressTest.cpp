//
// ClientAddressTest.cpp
//
// The host's one rule for who a client is and whether it is on the LAN, as
// tables over every header form proxies write: the address lists
// (AddressList), the forwarding headers (ForwardedHeaders), the client's
// address and the LAN verdict (ClientAddress), the host-name guard against
// DNS rebinding (HostNameGuard), then the same rule over HTTP on the admin
// port (LAN only), where it answers 403 or 421 before any route runs.
//

#include "HostFixture.h"
#include "TextSearch.h"
#include "net/AddressList.h"
#include "net/ClientAddress.h"
#include "net/ForwardedHeaders.h"
#include "net/HostNameGuard.h"
#include <Poco/Exception.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>
#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

using restream::host::AddressList;
using restream::host::ClientAddress;
using restream::host::ForwardedHeaders;
using restream::host::HostNameGuard;
using restream::test::HostFixture;
using restream::test::HttpResult;
using restream::test::contains;

namespace {

const char* const LAN_NETWORKS = "127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, fc00::/7, fe80::/10";
const char* const TRUSTED_PROXIES = "127.0.0.0/8, ::1, 192.0.2.1";

using Headers = std::initializer_list<std::pair<const char*, const char*>>;

Poco::Net::NameValueCollection headers(Headers list)
{
	Poco::Net::NameValueCollection collection;
	for (const auto& entry : list) collection.add(entry.first, entry.second);
	return collection;
}

std::string describe(Headers list)
{
	std::string text;
	for (const auto& entry : list) text += std::string(text.empty() ? "" : "; ") + entry.first + ": " + entry.second;
	return text.empty() ? "(no headers)" : text;
}

const char* verdictName(ClientAddress::Lan verdict)
{
	switch (verdict)
	{
	case ClientAddress::Lan::Allowed: return "ALLOWED";
	case ClientAddress::Lan::UntrustedForwarding: return "UNTRUSTED";
	case ClientAddress::Lan::UnreadableForwarding: return "UNREADABLE";
	case ClientAddress::Lan::Outside: return "OUTSIDE";
	}
	return "?";
}

struct LanCase
{
	const char* peer;
	Headers sent;
	const char* verdict;  /// ALLOWED, UNTRUSTED, UNREADABLE, OUTSIDE
	const char* refused;  /// the address named when OUTSIDE ("" to skip)
};

void checkLan(const ClientAddress& clients, const LanCase& row)
{
	std::string refused;
	const ClientAddress::Lan verdict = clients.lan(Poco::Net::IPAddress(row.peer), headers(row.sent), refused);
	const std::string label = std::string("peer ") + row.peer + ", " + describe(row.sent);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(row.verdict), std::string(verdictName(verdict)));
	if (*row.refused) CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(row.refused), refused);
}

std::string allForwarded(Headers list)
	/// ForwardedHeaders::all() as text: the addresses sorted (every one
	/// counts, in no particular order), or "unreadable".
{
	std::vector<Poco::Net::IPAddress> addresses;
	if (!ForwardedHeaders::all(headers(list), addresses)) return "unreadable";
	std::vector<std::string> texts;
	for (const auto& address : addresses) texts.push_back(address.toString());
	std::sort(texts.begin(), texts.end());
	std::string text;
	for (const auto& address : texts) text += (text.empty() ? "" : ",") + address;
	return text;
}

std::map<std::string, std::string> adminSettings(std::map<std::string, std::string> extra = {})
	/// fixture-good serves "/*" on the admin port (LAN only by default) and /fixture/echo on the API.
{
	extra["plugins.dir"] = RESTREAM_TEST_FIXTURE_PLUGIN_DIR;
	extra["plugins.load"] = "fixture-good";
	if (!extra.count("http.trustedProxies")) extra["http.trustedProxies"] = TRUSTED_PROXIES;
	return extra;
}

} // namespace

class ClientAddressTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ClientAddressTest);
	CPPUNIT_TEST(testLanNetworks);
	CPPUNIT_TEST(testAnyAndSingleAddresses);
	CPPUNIT_TEST(testMalformedListsRefused);
	CPPUNIT_TEST(testAddressShapes);
	CPPUNIT_TEST(testEveryHeaderRead);
	CPPUNIT_TEST(testHeadersPresent);
	CPPUNIT_TEST(testClientOfEveryHeaderForm);
	CPPUNIT_TEST(testForwardingFromUntrustedPeersRefused);
	CPPUNIT_TEST(testForwardedClientMustBeOnTheLan);
	CPPUNIT_TEST(testDirectClientMustBeOnTheLan);
	CPPUNIT_TEST(testEveryProxyHeaderForm);
	CPPUNIT_TEST(testLocalHostNames);
	CPPUNIT_TEST(testOtherHostNamesNeedTheSetting);
	CPPUNIT_TEST(testAdminPortRefusesOverHttp);
	CPPUNIT_TEST(testAdminPortHostNamesOverHttp);
	CPPUNIT_TEST(testLanRuleOnlyOnLanPorts);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLanNetworks()
	{
		const AddressList lan(LAN_NETWORKS);
		for (const char* inside : {"127.0.0.1", "127.255.0.9", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.20",
				 "169.254.3.4", "fd12:3456::1", "fe80::1", "::ffff:192.168.1.20", "::ffff:127.0.0.1"})
			CPPUNIT_ASSERT_MESSAGE(inside, lan.contains(std::string(inside)));
		for (const char* outside : {"8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "11.0.0.1", "2001:db8::1", "::ffff:8.8.8.8",
				 "203.0.113.7", "fec0::1", "::", "0.0.0.0", "not an address", ""})
			CPPUNIT_ASSERT_MESSAGE(outside, !lan.contains(std::string(outside)));
	}

	void testAnyAndSingleAddresses()
	{
		CPPUNIT_ASSERT(AddressList("any").contains(std::string("8.8.8.8")));
		CPPUNIT_ASSERT(AddressList("ANY").contains(std::string("2001:db8::1")));
		CPPUNIT_ASSERT(AddressList("0.0.0.0/0").contains(std::string("2001:db8::1")));
		// AddressList.h: "any" (or 0.0.0.0/0 or ::/0) matches everything
		CPPUNIT_ASSERT_NO_THROW_MESSAGE("::/0 refused", AddressList("::/0"));
		CPPUNIT_ASSERT(AddressList("::/0").contains(std::string("8.8.8.8")));
		CPPUNIT_ASSERT(AddressList("192.0.2.7").contains(std::string("192.0.2.7")));
		CPPUNIT_ASSERT(!AddressList("192.0.2.7").contains(std::string("192.0.2.8")));
		CPPUNIT_ASSERT(AddressList("2001:db8::1").contains(std::string("2001:db8::1")));
		CPPUNIT_ASSERT(!AddressList("2001:db8::1").contains(std::string("2001:db8::2")));
		CPPUNIT_ASSERT(!AddressList("").contains(std::string("127.0.0.1")));
		CPPUNIT_ASSERT(AddressList("").empty());
		CPPUNIT_ASSERT(!AddressList("any").contains(std::string("not an address")));
	}

	void testMalformedListsRefused()
	{
		for (const char* bad : {"10.0.0.0/33", "::1/129", "lan", "10.0.0.0/x", "10.0.0.0/", "300.1.1.1", "10.0.0.0/8; 192.168.0.0/16"})
		{
			try
			{
				AddressList list{bad};
				CPPUNIT_FAIL(std::string("accepted: ") + bad);
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				CPPUNIT_ASSERT_MESSAGE(exc.displayText(), contains(exc.displayText(), bad));
			}
		}
		// as settings, the host refuses them at start
		for (const char* key : {"http.lanNetworks", "http.trustedProxies"})
		{
			HostFixture host(adminSettings({{key, "10.0.0.0/33"}}));
			CPPUNIT_ASSERT_MESSAGE(key, contains(host.startError(), "10.0.0.0/33"));
			CPPUNIT_ASSERT_EQUAL(static_cast<unsigned short>(0), host.port("admin"));
		}
	}

	void testAddressShapes()
	{
		const std::pair<const char*, const char*> good[] = {{"192.168.1.2", "192.168.1.2"}, {" 10.0.0.1 ", "10.0.0.1"},
			{"203.0.113.9:51234", "203.0.113.9"}, {"[2001:db8::1]", "2001:db8::1"}, {"[2001:db8::1]:443", "2001:db8::1"},
			{"2001:db8::1", "2001:db8::1"}, {"::ffff:192.168.1.2", "192.168.1.2"}, {"[::1]:8001", "::1"}, {"FE80::1", "fe80::1"}};
		for (const auto& shape : good)
		{
			Poco::Net::IPAddress address;
			CPPUNIT_ASSERT_MESSAGE(shape.first, ForwardedHeaders::parseAddress(shape.first, address));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(shape.first, std::string(shape.second), AddressList::unmapped(address).toString());
		}
		for (const char* bad : {"", " ", "garbage", "unknown", "_hidden", "192.168.1", "192.168.1.2.3", "192.168.1.256", "0x7f.1", "127.1",
				 "192.168.1.2:", "192.168.1.2:99999", "192.168.1.2:http", "[192.168.1.2]", "[2001:db8::1", "[2001:db8::1]x", "[2001:db8::1]:",
				 "2001:db8::1%eth0", "fe80::1]", "192.168.1.2 203.0.113.9", "localhost", "\"192.168.1.2\"",
				 // IPv4-compatible (found by fuzz/host-forwarded.cpp: Poco wrote ::fff back as "::")
				 "::fff", "[::18]:80", "::192.168.1.2", "::"})
		{
			Poco::Net::IPAddress address;
			CPPUNIT_ASSERT_MESSAGE(bad, !ForwardedHeaders::parseAddress(bad, address));
		}
	}

	void testEveryHeaderRead()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.3,10.1.1.1,127.0.0.1,192.168.1.2,198.51.100.4,2001:db8::1,2001:db8:cafe::17,203.0.113.9"),
			allForwarded({{"CF-Connecting-IP", "192.168.1.2"}, {"X-Real-IP", "10.0.0.3"}, {"X-Forwarded-For", "203.0.113.9:51234, 127.0.0.1"},
				{"x-forwarded-for", "[2001:db8::1]"},
				{"Forwarded", "for=198.51.100.4;proto=https;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\""},
				{"Forwarded", "host=\"a;b,c\"; for=\"10.1.1.1:80\""}}));
		CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.3"), allForwarded({{"X-Forwarded-For", " , 10.0.0.3,"}}));
		CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.3"), allForwarded({{"Forwarded", "proto=https, for=10.0.0.3"}}));
		// nothing readable, or one address that is not one: the client is unknown
		const Headers unreadable[] = {{{"X-Forwarded-For", ""}}, {{"X-Real-IP", "garbage"}}, {{"Forwarded", "proto=https"}},
			{{"Forwarded", "for=unknown"}}, {{"Forwarded", "for=_hidden"}}, {{"Forwarded", "for=\"_gazonk\""}},
			{{"Forwarded", "for=\"[2001:db8::1]:4711"}}, {{"Forwarded", "for"}}, {{"X-Forwarded-For", "10.0.0.3, unknown"}},
			{{"CF-Connecting-IP", "10.0.0.3"}, {"X-Forwarded-For", "junk"}}};
		for (const auto& sent : unreadable) CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(sent), std::string("unreadable"), allForwarded(sent));
	}

	void testHeadersPresent()
	{
		for (const char* name : {"CF-Connecting-IP", "X-Forwarded-For", "X-Real-IP", "Forwarded", "x-forwarded-for", "FORWARDED"})
		{
			Poco::Net::NameValueCollection empty;
			empty.add(name, "");
			CPPUNIT_ASSERT_MESSAGE(name, ForwardedHeaders::present(empty)); // an empty header counts as present
		}
		CPPUNIT_ASSERT(!ForwardedHeaders::present(headers({{"Host", "admin.lan"}, {"Origin", "http://admin.lan"}, {"X-Forwarded-Host", "x"}})));
	}

	void testClientOfEveryHeaderForm()
	{
		const ClientAddress clients{AddressList(TRUSTED_PROXIES), AddressList(LAN_NETWORKS)};
		struct Case
		{
			const char* peer;
			Headers sent;
			const char* client;
		};
		const Case cases[] = {
			// no proxy
			{"203.0.113.7", {}, "203.0.113.7"},
			{"::1", {}, "::1"},
			{"::ffff:192.168.1.2", {}, "192.168.1.2"},
			{"127.0.0.1", {}, "127.0.0.1"},
			// X-Forwarded-For chains: every proxy appends, the last hop that is not a trusted proxy is the client
			{"127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"}}, "203.0.113.7"},
			{"127.0.0.1", {{"X-Forwarded-For", "198.51.100.4, 203.0.113.7"}}, "203.0.113.7"},
			{"127.0.0.1", {{"X-Forwarded-For", "198.51.100.4, 203.0.113.7, 192.0.2.1"}}, "203.0.113.7"},
			{"127.0.0.1", {{"X-Forwarded-For", "203.0.113.7, 127.0.0.5, 192.0.2.1"}}, "203.0.113.7"},
			{"192.0.2.1", {{"X-Forwarded-For", "10.0.0.5"}}, "10.0.0.5"},
			{"127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"}, {"X-Forwarded-For", "198.51.100.4"}}, "198.51.100.4"},
			{"127.0.0.1", {{"X-Forwarded-For", "203.0.113.9:51234"}}, "203.0.113.9"},
			{"127.0.0.1", {{"X-Forwarded-For", "[2001:db8::1]:443"}}, "2001:db8::1"},
			{"127.0.0.1", {{"X-Forwarded-For", "2001:db8::1"}}, "2001:db8::1"},
			{"127.0.0.1", {{"X-Forwarded-For", " , 10.0.0.3,"}}, "10.0.0.3"},
			// every hop a trusted proxy: the peer
			{"127.0.0.1", {{"X-Forwarded-For", "127.0.0.2, 192.0.2.1"}}, "127.0.0.1"},
			// RFC 7239 Forwarded, quoted IPv6 and ports
			{"127.0.0.1", {{"Forwarded", "for=198.51.100.4;proto=https"}}, "198.51.100.4"},
			{"127.0.0.1", {{"Forwarded", "for=\"[2001:db8:cafe::17]:4711\""}}, "2001:db8:cafe::17"},
			{"127.0.0.1", {{"Forwarded", "for=\"[2001:db8:cafe::17]\";proto=https"}}, "2001:db8:cafe::17"},
			{"127.0.0.1", {{"Forwarded", "for=\"192.168.1.20:51234\""}}, "192.168.1.20"},
			{"127.0.0.1", {{"Forwarded", "for=198.51.100.4, for=203.0.113.43"}}, "203.0.113.43"},
			{"127.0.0.1", {{"Forwarded", "for=198.51.100.4, for=192.0.2.1"}}, "198.51.100.4"},
			{"127.0.0.1", {{"Forwarded", "host=\"a;b,c\"; for=\"10.1.1.1:80\""}}, "10.1.1.1"},
			{"127.0.0.1", {{"Forwarded", "For=203.0.113.8"}}, "203.0.113.8"},
			// X-Real-IP and CF-Connecting-IP
			{"127.0.0.1", {{"X-Real-IP", "203.0.113.9"}}, "203.0.113.9"},
			{"127.0.0.1", {{"CF-Connecting-IP", "2001:db8::5"}}, "2001:db8::5"},
			{"::1", {{"CF-Connecting-IP", "198.51.100.9"}}, "198.51.100.9"},
			// X-Forwarded-For first: a CF-Connecting-IP or X-Real-IP a client wrote cannot choose its address
			{"127.0.0.1", {{"CF-Connecting-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.7"}}, "203.0.113.7"},
			{"127.0.0.1", {{"X-Real-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.7"}}, "203.0.113.7"},
			{"127.0.0.1", {{"Forwarded", "for=192.168.1.2"}, {"X-Forwarded-For", "203.0.113.7"}}, "203.0.113.7"},
			{"127.0.0.1", {{"X-Real-IP", "192.168.1.2"}, {"Forwarded", "for=203.0.113.7"}}, "203.0.113.7"},
			{"127.0.0.1", {{"CF-Connecting-IP", "192.168.1.2"}, {"X-Real-IP", "203.0.113.7"}}, "203.0.113.7"},
			// IPv4-mapped IPv6, peer and hops
			{"::ffff:127.0.0.1", {{"X-Forwarded-For", "::ffff:203.0.113.7"}}, "203.0.113.7"},
			{"::ffff:127.0.0.1", {{"X-Forwarded-For", "203.0.113.7, ::ffff:192.0.2.1"}}, "203.0.113.7"},
			// garbage ends the walk: the peer (a throttle then counts the proxy)
			{"127.0.0.1", {{"X-Forwarded-For", "not-an-address"}}, "127.0.0.1"},
			{"127.0.0.1", {{"X-Forwarded-For", "203.0.113.7, garbage"}}, "127.0.0.1"},
			{"127.0.0.1", {{"X-Forwarded-For", ""}}, "127.0.0.1"},
			{"127.0.0.1", {{"Forwarded", "for=unknown"}}, "127.0.0.1"},
			{"127.0.0.1", {{"Forwarded", "for=_hidden"}}, "127.0.0.1"},
			{"127.0.0.1", {{"Forwarded", "for=\"[2001:db8::1]:4711"}}, "127.0.0.1"},
			{"127.0.0.1", {{"X-Real-IP", "0x7f.1"}}, "127.0.0.1"},
			{"127.0.0.1", {{"CF-Connecting-IP", "2001:db8::1%eth0"}}, "127.0.0.1"},
			// a peer that is not a trusted proxy is the client, whatever it writes
			{"198.51.100.9", {{"X-Forwarded-For", "10.0.0.1"}}, "198.51.100.9"},
			{"192.168.1.2", {{"CF-Connecting-IP", "10.0.0.1"}, {"Forwarded", "for=10.0.0.1"}, {"X-Real-IP", "10.0.0.1"}}, "192.168.1.2"},
		};
		for (const auto& row : cases)
		{
			const std::string label = std::string("peer ") + row.peer + ", " + describe(row.sent);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, std::string(row.client), clients.of(Poco::Net::IPAddress(row.peer), headers(row.sent)));
		}
		CPPUNIT_ASSERT(clients.isTrustedProxy(Poco::Net::IPAddress("::ffff:192.0.2.1")));
		CPPUNIT_ASSERT(!clients.isTrustedProxy(Poco::Net::IPAddress("192.0.2.2")));
	}

	void testForwardingFromUntrustedPeersRefused()
	{
		const ClientAddress clients{AddressList(TRUSTED_PROXIES), AddressList(LAN_NETWORKS)};
		// a LAN peer that is not a trusted proxy: its forwarding headers are refused, whatever they say
		const LanCase cases[] = {
			{"192.168.1.2", {{"CF-Connecting-IP", "192.168.1.2"}}, "UNTRUSTED", ""},
			{"192.168.1.2", {{"X-Forwarded-For", "192.168.1.2"}}, "UNTRUSTED", ""},
			{"192.168.1.2", {{"X-Real-IP", "192.168.1.2"}}, "UNTRUSTED", ""},
			{"192.168.1.2", {{"Forwarded", "for=192.168.1.2"}}, "UNTRUSTED", ""},
			{"192.168.1.2", {{"x-forwarded-for", "192.168.1.2"}}, "UNTRUSTED", ""},
			{"192.168.1.2", {{"X-Forwarded-For", ""}}, "UNTRUSTED", ""},
			{"10.0.0.9", {{"X-Forwarded-For", "10.0.0.9"}}, "UNTRUSTED", ""},
			{"192.168.1.2", {{"Host", "admin.lan"}, {"Origin", "http://admin.lan"}}, "ALLOWED", ""},
		};
		for (const auto& row : cases) checkLan(clients, row);
		const ClientAddress open{AddressList(TRUSTED_PROXIES), AddressList("any")};
		checkLan(open, {"198.51.100.9", {{"X-Forwarded-For", "198.51.100.9"}}, "UNTRUSTED", ""});
	}

	void testForwardedClientMustBeOnTheLan()
	{
		const ClientAddress clients{AddressList(TRUSTED_PROXIES), AddressList(LAN_NETWORKS)};
		const LanCase cases[] = {
			// cloudflared on the same box (a trusted loopback proxy) forwarding a public client
			{"127.0.0.1", {{"CF-Connecting-IP", "198.51.100.9"}}, "OUTSIDE", "198.51.100.9"},
			{"127.0.0.1", {{"X-Forwarded-For", "192.168.1.20"}}, "ALLOWED", ""},
			// a LAN address the client wrote in front of the one its proxy appended does not help it
			{"127.0.0.1", {{"X-Forwarded-For", "192.168.1.2, 203.0.113.9"}}, "OUTSIDE", "203.0.113.9"},
			{"::ffff:127.0.0.1", {{"X-Forwarded-For", "::ffff:192.168.1.20"}}, "ALLOWED", ""},
			// a trusted proxy outside the LAN may forward a LAN client, and appear in the chain
			{"192.0.2.1", {{"X-Forwarded-For", "10.0.0.5"}}, "ALLOWED", ""},
			{"127.0.0.1", {{"X-Forwarded-For", "10.0.0.5, 192.0.2.1"}}, "ALLOWED", ""},
		};
		for (const auto& row : cases) checkLan(clients, row);
		const ClientAddress open{AddressList(TRUSTED_PROXIES), AddressList("any")};
		checkLan(open, {"127.0.0.1", {{"CF-Connecting-IP", "198.51.100.9"}}, "ALLOWED", ""});
	}

	void testDirectClientMustBeOnTheLan()
	{
		const ClientAddress clients{AddressList(TRUSTED_PROXIES), AddressList(LAN_NETWORKS)};
		const LanCase cases[] = {
			{"192.168.1.2", {}, "ALLOWED", ""},
			{"::ffff:10.0.0.3", {}, "ALLOWED", ""},
			{"fe80::1", {}, "ALLOWED", ""},
			{"8.8.8.8", {}, "OUTSIDE", "8.8.8.8"},
			{"::ffff:8.8.8.8", {}, "OUTSIDE", "8.8.8.8"},
			{"2001:db8::1", {}, "OUTSIDE", "2001:db8::1"},
			// without forwarding headers the peer is the client, even when it is a trusted proxy
			{"192.0.2.1", {}, "OUTSIDE", "192.0.2.1"},
		};
		for (const auto& row : cases) checkLan(clients, row);
	}

	void testEveryProxyHeaderForm()
	{
		// from a trusted proxy on the same box, in the shapes nginx, HAProxy, Caddy, Traefik and cloudflared send
		const ClientAddress clients{AddressList(TRUSTED_PROXIES), AddressList(LAN_NETWORKS)};
		const LanCase cases[] = {
			{"127.0.0.1", {{"X-Real-IP", "203.0.113.9"}}, "OUTSIDE", "203.0.113.9"},
			{"127.0.0.1", {{"X-Real-IP", "192.168.1.20"}}, "ALLOWED", ""},
			{"127.0.0.1", {{"Forwarded", "for=203.0.113.9;proto=https"}}, "OUTSIDE", "203.0.113.9"},
			{"127.0.0.1", {{"Forwarded", "for=\"[2001:db8::1]:4711\""}}, "OUTSIDE", "2001:db8::1"},
			{"127.0.0.1", {{"Forwarded", "for=\"192.168.1.20:51234\""}}, "ALLOWED", ""},
			{"127.0.0.1", {{"Forwarded", "for=unknown"}}, "UNREADABLE", ""},
			{"127.0.0.1", {{"Forwarded", "for=_hidden"}}, "UNREADABLE", ""},
			{"127.0.0.1", {{"X-Forwarded-For", "203.0.113.9:51234"}}, "OUTSIDE", "203.0.113.9"},
			{"127.0.0.1", {{"X-Forwarded-For", "[2001:db8::1]"}}, "OUTSIDE", "2001:db8::1"},
			{"127.0.0.1", {{"X-Forwarded-For", "[2001:db8::1]:443"}}, "OUTSIDE", "2001:db8::1"},
			{"127.0.0.1", {{"X-Forwarded-For", "192.168.1.20:51234"}}, "ALLOWED", ""},
			{"127.0.0.1", {{"X-Forwarded-For", "garbage"}}, "UNREADABLE", ""},
			{"127.0.0.1", {{"X-Forwarded-For", ""}}, "UNREADABLE", ""},
			// a spoofed header passed through next to the one the proxy appended
			{"127.0.0.1", {{"CF-Connecting-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.9"}}, "OUTSIDE", "203.0.113.9"},
			{"127.0.0.1", {{"X-Real-IP", "192.168.1.2"}, {"X-Forwarded-For", "192.168.1.2, 203.0.113.9"}}, "OUTSIDE", "203.0.113.9"},
			{"127.0.0.1", {{"CF-Connecting-IP", "10.0.0.3"}, {"X-Forwarded-For", "junk"}}, "UNREADABLE", ""},
		};
		for (const auto& row : cases) checkLan(clients, row);
	}

	void testLocalHostNames()
	{
		const HostNameGuard guard("");
		for (const char* host : {"127.0.0.1:8001", "192.168.1.10", "10.0.0.2:8001", "[::1]:8001", "[fe80::1]", "localhost:8001", "LOCALHOST",
				 "nas", "nas:8001", "restream-frontend", "nas.local", "box.lan:8001", "tv.home.arpa", "admin.internal", "nas.localdomain",
				 "a.b.lan"})
			CPPUNIT_ASSERT_MESSAGE(host, guard.allows(host));
		CPPUNIT_ASSERT_EQUAL(std::string("admin.lan"), HostNameGuard::hostName("Admin.LAN:8001"));
		CPPUNIT_ASSERT_EQUAL(std::string("[::1]"), HostNameGuard::hostName("[::1]:8001"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), HostNameGuard::hostName("a\"b"));
	}

	void testOtherHostNamesNeedTheSetting()
	{
		const HostNameGuard guard("");
		// DNS rebinding: a name of the attacker's that resolves to the box's LAN address
		for (const char* host : {"evil.example", "evil.example:8001", "192.168.1.10.nip.io", "lan.evil.example", "evil.lan.example",
				 "localhost.evil.example", "evil.example.", "nas.lan.", "0x7f.1", "127.1", "192.168.001.010", "", "a\"b"})
			CPPUNIT_ASSERT_MESSAGE(host, !guard.allows(host));
		const HostNameGuard listed(" Admin.Example.org, tv.example.net ");
		CPPUNIT_ASSERT(listed.allows("admin.example.org:8001"));
		CPPUNIT_ASSERT(listed.allows("TV.example.net"));
		CPPUNIT_ASSERT(listed.allows("nas.lan")); // the local names still pass
		CPPUNIT_ASSERT(!listed.allows("evil.example"));
		CPPUNIT_ASSERT(!listed.allows("sub.admin.example.org"));
		const HostNameGuard any("*");
		CPPUNIT_ASSERT(any.allows("evil.example"));
		CPPUNIT_ASSERT(!any.allows("a\"b"));
		for (const char* bad : {"admin.example.org:8001", "https://admin.example.org", "admin example", "*.example.org", "a/b"})
		{
			try
			{
				HostNameGuard refused{bad};
				CPPUNIT_FAIL(std::string("accepted: ") + bad);
			}
			catch (const Poco::InvalidArgumentException& exc)
			{
				CPPUNIT_ASSERT_MESSAGE(exc.displayText(), contains(exc.displayText(), bad));
			}
		}
		HostFixture host(adminSettings({{"http.allowedHosts", "https://admin.example.org"}}));
		CPPUNIT_ASSERT_MESSAGE(host.startError(), contains(host.startError(), "https://admin.example.org"));
	}

	void testAdminPortRefusesOverHttp()
	{
		// the test talks from 127.0.0.1, a trusted proxy: what it forwards decides
		HostFixture host(adminSettings());
		struct Case
		{
			std::map<std::string, std::string> sent;
			int status;
			std::string detail;  /// a part of the refusal's detail
		};
		const Case cases[] = {
			{{{"X-Real-IP", "203.0.113.9"}}, 403, "203.0.113.9 is not on it (http.lanNetworks)"},
			{{{"Forwarded", "for=203.0.113.9;proto=https"}}, 403, "203.0.113.9 is not on it"},
			{{{"Forwarded", "for=unknown"}}, 403, "the proxy did not say who the client is"},
			{{{"X-Forwarded-For", "203.0.113.9:51234"}}, 403, "203.0.113.9 is not on it"},
			{{{"X-Forwarded-For", "[2001:db8::1]"}}, 403, "2001:db8::1 is not on it"},
			{{{"CF-Connecting-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.9"}}, 403, "203.0.113.9 is not on it"},
			{{{"X-Forwarded-For", "192.168.1.2, 203.0.113.9"}}, 403, "203.0.113.9 is not on it"},
			{{{"X-Real-IP", "192.168.1.20"}}, 200, ""},
			{{{"Forwarded", "for=\"192.168.1.20:4711\""}}, 200, ""},
			{{{"X-Forwarded-For", "10.0.0.5, 192.0.2.1"}}, 200, ""},
			{{}, 200, ""},
		};
		for (const auto& row : cases)
		{
			std::string label;
			for (const auto& header : row.sent) label += header.first + ": " + header.second + "; ";
			const HttpResult answer = host.request("GET", "admin", "/page", "", row.sent);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label + answer.body, row.status, answer.status);
			if (row.status == 200)
			{
				CPPUNIT_ASSERT_MESSAGE(label, contains(answer.body, "\"plugin\":\"fixture-good\""));
				continue;
			}
			CPPUNIT_ASSERT_MESSAGE(label + answer.body, contains(answer.body, row.detail));
			CPPUNIT_ASSERT_MESSAGE(label, !contains(answer.body, "fixture-good"));
		}
		// /health answers whoever asks
		CPPUNIT_ASSERT_EQUAL(200, host.request("GET", "admin", "/health", "", {{"X-Real-IP", "203.0.113.9"}}).status);
		CPPUNIT_ASSERT(contains(host.log(), "port admin: refused GET /page from 203.0.113.9"));

		// the loopback is not a trusted proxy here: any forwarding header is refused
		HostFixture untrusting(adminSettings({{"http.trustedProxies", "192.0.2.1"}}));
		const HttpResult refused = untrusting.request("GET", "admin", "/page", "", {{"X-Forwarded-For", "192.168.1.20"}});
		CPPUNIT_ASSERT_EQUAL(403, refused.status);
		CPPUNIT_ASSERT_MESSAGE(refused.body, contains(refused.body, "a proxy that is not trusted (http.trustedProxies)"));
		CPPUNIT_ASSERT_EQUAL(200, untrusting.request("GET", "admin", "/page").status);

		// "any" opens the LAN rule to every client a trusted proxy forwards
		HostFixture open(adminSettings({{"http.lanNetworks", "any"}}));
		CPPUNIT_ASSERT_EQUAL(200, open.request("GET", "admin", "/page", "", {{"CF-Connecting-IP", "198.51.100.9"}}).status);
		// and a LAN without the loopback refuses the test's own direct requests
		HostFixture narrow(adminSettings({{"http.lanNetworks", "192.168.0.0/16"}}));
		const HttpResult direct = narrow.request("GET", "admin", "/page");
		CPPUNIT_ASSERT_EQUAL(403, direct.status);
		CPPUNIT_ASSERT_MESSAGE(direct.body, contains(direct.body, "127.0.0.1 is not on it"));
	}

	void testAdminPortHostNamesOverHttp()
	{
		HostFixture host(adminSettings());
		const HttpResult rebound = host.request("GET", "admin", "/page", "", {{"Host", "evil.example:8001"}});
		CPPUNIT_ASSERT_EQUAL(421, rebound.status);
		CPPUNIT_ASSERT_MESSAGE(rebound.body, contains(rebound.body, "http.allowedHosts"));
		CPPUNIT_ASSERT(!contains(rebound.body, "fixture-good"));
		for (const char* local : {"nas.lan:8001", "nas", "192.168.1.10:8001", "[::1]:8001", "localhost"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(local, 200, host.request("GET", "admin", "/page", "", {{"Host", local}}).status);
		CPPUNIT_ASSERT_EQUAL(421, host.request("GET", "admin", "/page", "", {{"Host", "192.168.1.10.nip.io"}}).status);
		// the LAN rule comes first: an outside client never learns which names pass
		CPPUNIT_ASSERT_EQUAL(403,
			host.request("GET", "admin", "/page", "", {{"Host", "evil.example"}, {"X-Forwarded-For", "203.0.113.9"}}).status);

		HostFixture listed(adminSettings({{"http.allowedHosts", "admin.example.org"}}));
		CPPUNIT_ASSERT_EQUAL(200, listed.request("GET", "admin", "/page", "", {{"Host", "admin.example.org"}}).status);
		CPPUNIT_ASSERT_EQUAL(200, listed.request("GET", "admin", "/page", "", {{"Host", "Admin.Example.org:8001"}}).status);
		CPPUNIT_ASSERT_EQUAL(421, listed.request("GET", "admin", "/page", "", {{"Host", "evil.example"}}).status);
	}

	void testLanRuleOnlyOnLanPorts()
	{
		// the API port is public: the same headers name the client, and nothing is refused
		HostFixture host(adminSettings());
		const HttpResult api = host.request("GET", "api", "/fixture/echo", "", {{"X-Forwarded-For", "203.0.113.9"}, {"Host", "evil.example"}});
		CPPUNIT_ASSERT_EQUAL(200, api.status);
		CPPUNIT_ASSERT_MESSAGE(api.body, contains(api.body, "\"client\":\"203.0.113.9\""));
		// an admin port opened deliberately (http.admin.lanOnly=false) answers like the API
		HostFixture opened(adminSettings({{"http.admin.lanOnly", "false"}}));
		const HttpResult admin = opened.request("GET", "admin", "/page", "", {{"X-Forwarded-For", "203.0.113.9"}, {"Host", "evil.example"}});
		CPPUNIT_ASSERT_EQUAL(200, admin.status);
		CPPUNIT_ASSERT_MESSAGE(admin.body, contains(admin.body, "\"client\":\"203.0.113.9\""));
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClientAddressTest);
