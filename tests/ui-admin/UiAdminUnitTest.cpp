//
// UiAdminUnitTest.cpp
//
// Unit tests of the ui-admin plugin's parts: the LAN guard, its network lists
// and the forwarded addresses it reads, the next= check, the CSRF and Origin
// checks, the Host header check and allowlist, sessions and their expiry,
// stream ids, favourites on disk, page templates.
//

#include "CsrfGuard.h"
#include "FavouritesStore.h"
#include "ForwardedAddresses.h"
#include "HostAllowlist.h"
#include "LanGuard.h"
#include "NetworkList.h"
#include "RandomToken.h"
#include "RedirectTarget.h"
#include "RequestOrigin.h"
#include "SessionStore.h"
#include "StreamId.h"
#include "UiEndpoints.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <set>
#include <sys/stat.h>

using restream::admin::AdminSession;
using restream::admin::CsrfGuard;
using restream::admin::FavouritesStore;
using restream::admin::ForwardedAddresses;
using restream::admin::HostAllowlist;
using restream::admin::LanGuard;
using restream::admin::NetworkList;
using restream::admin::RandomToken;
using restream::admin::RedirectTarget;
using restream::admin::RequestOrigin;
using restream::admin::SessionStore;
using restream::admin::StreamId;
using restream::admin::UiEndpoints;

namespace {

const char* const DEFAULT_NETWORKS = "127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, fc00::/7, fe80::/10";

Poco::Net::IPAddress ip(const std::string& text)
{
	return Poco::Net::IPAddress(text);
}

Poco::Net::NameValueCollection headers(std::initializer_list<std::pair<std::string, std::string>> list)
{
	Poco::Net::NameValueCollection collection;
	for (const auto& entry : list) collection.add(entry.first, entry.second);
	return collection;
}

Poco::JSON::Object channel(Poco::Int64 id, const std::string& name, const std::string& icon = "")
{
	Poco::JSON::Object object;
	object.set("stream_id", id);
	object.set("name", name);
	object.set("stream_icon", icon);
	object.set("category_id", std::string("2"));
	return object;
}

LanGuard::Verdict check(const LanGuard& guard, const std::string& peer, const Poco::Net::NameValueCollection& request,
	std::string* refused = nullptr)
	/// The guard behind the default trusted proxies (loopback), plus 192.0.2.1.
{
	const NetworkList proxies("127.0.0.0/8, ::1, 192.0.2.1");
	std::string culprit;
	const LanGuard::Verdict verdict =
		guard.check(ip(peer), request, [&proxies](const Poco::Net::IPAddress& address) { return proxies.contains(address); }, culprit);
	if (refused) *refused = culprit;
	return verdict;
}

std::string forwarded(const Poco::Net::NameValueCollection& request)
{
	std::vector<Poco::Net::IPAddress> addresses;
	if (!ForwardedAddresses::read(request, addresses)) return "unreadable";
	std::string list;
	for (const auto& address : addresses) list += (list.empty() ? "" : ",") + address.toString();
	return list;
}

std::string idsOf(const Poco::JSON::Array::Ptr& list)
{
	std::string ids;
	for (std::size_t i = 0; i < list->size(); ++i)
		ids += (ids.empty() ? "" : ",") + list->getObject(static_cast<unsigned>(i))->getValue<std::string>("stream_id");
	return ids;
}

} // namespace

class UiAdminUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(UiAdminUnitTest);
	CPPUNIT_TEST(testDefaultNetworksAreLoopbackAndPrivate);
	CPPUNIT_TEST(testAnyOpensEverything);
	CPPUNIT_TEST(testMalformedNetworksRefused);
	CPPUNIT_TEST(testForwardingFromUntrustedPeerRefused);
	CPPUNIT_TEST(testForwardedClientMustBeLocal);
	CPPUNIT_TEST(testDirectClientMustBeLocal);
	CPPUNIT_TEST(testForwardedAddressShapes);
	CPPUNIT_TEST(testEveryForwardedAddressRead);
	CPPUNIT_TEST(testProxyHeadersTheHostDoesNotRead);
	CPPUNIT_TEST(testLocalPathsKept);
	CPPUNIT_TEST(testRedirectsOffSiteIgnored);
	CPPUNIT_TEST(testOriginChecked);
	CPPUNIT_TEST(testTokensCompared);
	CPPUNIT_TEST(testHostHeaderChecked);
	CPPUNIT_TEST(testLocalHostNamesAllowed);
	CPPUNIT_TEST(testOtherHostNamesNeedTheSetting);
	CPPUNIT_TEST(testRandomTokens);
	CPPUNIT_TEST(testSessionIdleExpiry);
	CPPUNIT_TEST(testSessionEndsWithApiToken);
	CPPUNIT_TEST(testBackgroundPollsAreNoUse);
	CPPUNIT_TEST(testSessionsBounded);
	CPPUNIT_TEST(testSessionRemoved);
	CPPUNIT_TEST(testFavouritesPersisted);
	CPPUNIT_TEST(testFavouritesValidated);
	CPPUNIT_TEST(testFavouritesFileUnreadable);
	CPPUNIT_TEST(testFavouriteNamesCleaned);
	CPPUNIT_TEST(testStreamIdsRead);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDefaultNetworksAreLoopbackAndPrivate()
	{
		const NetworkList networks(DEFAULT_NETWORKS);
		for (const char* inside : {"127.0.0.1", "127.255.0.9", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.20",
				 "169.254.3.4", "fd12:3456::1", "fe80::1", "::ffff:192.168.1.20", "::ffff:127.0.0.1"})
			CPPUNIT_ASSERT_MESSAGE(inside, networks.contains(std::string(inside)));
		for (const char* outside : {"8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "11.0.0.1", "2001:db8::1", "::ffff:8.8.8.8",
				 "203.0.113.7", "fec0::1", "::", "0.0.0.0", "not an address", ""})
			CPPUNIT_ASSERT_MESSAGE(outside, !networks.contains(std::string(outside)));
	}

	void testAnyOpensEverything()
	{
		CPPUNIT_ASSERT(NetworkList("any").contains(ip("8.8.8.8")));
		CPPUNIT_ASSERT(NetworkList("ANY").contains(ip("2001:db8::1")));
		CPPUNIT_ASSERT(NetworkList("0.0.0.0/0").contains(ip("2001:db8::1")));
		CPPUNIT_ASSERT(NetworkList("192.0.2.7").contains(ip("192.0.2.7")));
		CPPUNIT_ASSERT(!NetworkList("192.0.2.7").contains(ip("192.0.2.8")));
		CPPUNIT_ASSERT(!NetworkList("").contains(ip("127.0.0.1")));
	}

	void testMalformedNetworksRefused()
	{
		for (const char* bad : {"10.0.0.0/33", "::1/129", "lan", "10.0.0.0/x", "10.0.0.0/", "300.1.1.1", "10.0.0.0/8; 192.168.0.0/16"})
			CPPUNIT_ASSERT_THROW_MESSAGE(bad, NetworkList{bad}, Poco::InvalidArgumentException);
	}

	void testForwardingFromUntrustedPeerRefused()
	{
		const LanGuard guard{NetworkList(DEFAULT_NETWORKS)};
		// a LAN peer that is not a trusted proxy: its forwarded headers are refused, whatever they say
		for (const char* header : {"CF-Connecting-IP", "X-Forwarded-For", "X-Real-IP", "Forwarded", "x-forwarded-for"})
		{
			const std::string value = Poco::icompare(std::string(header), "Forwarded") == 0 ? "for=192.168.1.2" : "192.168.1.2";
			CPPUNIT_ASSERT_EQUAL_MESSAGE(header, LanGuard::UNTRUSTED_FORWARDING, check(guard, "192.168.1.2", headers({{header, value}})));
			CPPUNIT_ASSERT_MESSAGE(header, ForwardedAddresses::present(headers({{header, ""}})));
		}
		CPPUNIT_ASSERT_EQUAL(LanGuard::UNTRUSTED_FORWARDING, check(guard, "10.0.0.9", headers({{"X-Forwarded-For", "10.0.0.9"}})));
		CPPUNIT_ASSERT(!ForwardedAddresses::present(headers({{"Host", "admin.lan"}, {"Origin", "http://admin.lan"}})));
	}

	void testForwardedClientMustBeLocal()
	{
		const LanGuard guard{NetworkList(DEFAULT_NETWORKS)};
		// cloudflared on the same box (a trusted loopback proxy) forwarding a public client: refused
		std::string refused;
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"CF-Connecting-IP", "198.51.100.9"}}), &refused));
		CPPUNIT_ASSERT_EQUAL(std::string("198.51.100.9"), refused);
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "192.168.1.20"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "::ffff:127.0.0.1", headers({{"X-Forwarded-For", "::ffff:192.168.1.20"}})));
		// a trusted proxy outside the networks may forward a LAN client, and appear in the chain
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "192.0.2.1", headers({{"X-Forwarded-For", "10.0.0.5"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "10.0.0.5, 192.0.2.1"}})));
		// a LAN address the client wrote in front of the one its proxy appended does not help it
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "192.168.1.2, 203.0.113.9"}})));
		const LanGuard open{NetworkList("any")};
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(open, "127.0.0.1", headers({{"CF-Connecting-IP", "198.51.100.9"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::UNTRUSTED_FORWARDING, check(open, "198.51.100.9", headers({{"X-Forwarded-For", "198.51.100.9"}})));
	}

	void testDirectClientMustBeLocal()
	{
		const LanGuard guard{NetworkList(DEFAULT_NETWORKS)};
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "192.168.1.2", headers({})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "::ffff:10.0.0.3", headers({})));
		std::string refused;
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "8.8.8.8", headers({}), &refused));
		CPPUNIT_ASSERT_EQUAL(std::string("8.8.8.8"), refused);
		// without forwarded headers the peer is the client, even when it is a trusted proxy
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "192.0.2.1", headers({})));
	}

	void testForwardedAddressShapes()
	{
		const std::pair<const char*, const char*> good[] = {{"192.168.1.2", "192.168.1.2"}, {" 10.0.0.1 ", "10.0.0.1"},
			{"203.0.113.9:51234", "203.0.113.9"}, {"[2001:db8::1]", "2001:db8::1"}, {"[2001:db8::1]:443", "2001:db8::1"},
			{"2001:db8::1", "2001:db8::1"}, {"::ffff:192.168.1.2", "192.168.1.2"}, {"[::1]:8001", "::1"}, {"FE80::1", "fe80::1"}};
		for (const auto& shape : good)
		{
			Poco::Net::IPAddress address;
			CPPUNIT_ASSERT_MESSAGE(shape.first, ForwardedAddresses::parse(shape.first, address));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(shape.first, std::string(shape.second), address.toString());
		}
		for (const char* bad : {"", " ", "garbage", "unknown", "_hidden", "192.168.1", "192.168.1.2.3", "192.168.1.256", "0x7f.1", "127.1",
				 "192.168.1.2:", "192.168.1.2:99999", "192.168.1.2:http", "[192.168.1.2]", "[2001:db8::1", "[2001:db8::1]x", "[2001:db8::1]:",
				 "2001:db8::1%eth0", "fe80::1]", "192.168.1.2 203.0.113.9", "localhost", "\"192.168.1.2\""})
		{
			Poco::Net::IPAddress address;
			CPPUNIT_ASSERT_MESSAGE(bad, !ForwardedAddresses::parse(bad, address));
		}
	}

	void testEveryForwardedAddressRead()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("192.168.1.2,10.0.0.3,203.0.113.9,127.0.0.1,2001:db8::1,198.51.100.4,2001:db8:cafe::17,10.1.1.1"),
			forwarded(headers({{"CF-Connecting-IP", "192.168.1.2"}, {"X-Real-IP", "10.0.0.3"}, {"X-Forwarded-For", "203.0.113.9:51234, 127.0.0.1"},
				{"x-forwarded-for", "[2001:db8::1]"},
				{"Forwarded", "for=198.51.100.4;proto=https;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\""},
				{"Forwarded", "host=\"a;b,c\"; for=\"10.1.1.1:80\""}})));
		CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.3"), forwarded(headers({{"X-Forwarded-For", " , 10.0.0.3,"}})));
		CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.3"), forwarded(headers({{"Forwarded", "proto=https, for=10.0.0.3"}})));
		// nothing readable, or one address that is not one: the client is unknown
		for (const auto& unreadable : {headers({{"X-Forwarded-For", ""}}), headers({{"X-Real-IP", "garbage"}}),
				 headers({{"Forwarded", "proto=https"}}), headers({{"Forwarded", "for=unknown"}}), headers({{"Forwarded", "for=_hidden"}}),
				 headers({{"Forwarded", "for=\"_gazonk\""}}), headers({{"Forwarded", "for=\"[2001:db8::1]:4711"}}), headers({{"Forwarded", "for"}}),
				 headers({{"X-Forwarded-For", "10.0.0.3, unknown"}}), headers({{"CF-Connecting-IP", "10.0.0.3"}, {"X-Forwarded-For", "junk"}})})
		{
			std::vector<Poco::Net::IPAddress> addresses;
			CPPUNIT_ASSERT(!ForwardedAddresses::read(unreadable, addresses));
		}
	}

	void testProxyHeadersTheHostDoesNotRead()
	{
		// the host's clientAddress() reads only CF-Connecting-IP and X-Forwarded-For, and falls back on the
		// peer (the proxy, on loopback): every forwarded address must be checked here, in the shapes proxies send
		const LanGuard guard{NetworkList(DEFAULT_NETWORKS)};
		// nginx with "proxy_set_header X-Real-IP $remote_addr" only
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"X-Real-IP", "203.0.113.9"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "127.0.0.1", headers({{"X-Real-IP", "192.168.1.20"}})));
		// HAProxy with "option forwarded" only
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"Forwarded", "for=203.0.113.9;proto=https"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"Forwarded", "for=\"[2001:db8::1]:4711\""}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "127.0.0.1", headers({{"Forwarded", "for=\"192.168.1.20:51234\""}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::UNREADABLE_FORWARDING, check(guard, "127.0.0.1", headers({{"Forwarded", "for=unknown"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::UNREADABLE_FORWARDING, check(guard, "127.0.0.1", headers({{"Forwarded", "for=_hidden"}})));
		// a last X-Forwarded-For hop with a port or in brackets, which the host cannot parse
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "203.0.113.9:51234"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "[2001:db8::1]"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "[2001:db8::1]:443"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::ALLOWED, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "192.168.1.20:51234"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::UNREADABLE_FORWARDING, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", "garbage"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::UNREADABLE_FORWARDING, check(guard, "127.0.0.1", headers({{"X-Forwarded-For", ""}})));
		// Caddy or Traefik append the real client to X-Forwarded-For and pass a spoofed CF-Connecting-IP through
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS,
			check(guard, "127.0.0.1", headers({{"CF-Connecting-IP", "192.168.1.2"}, {"X-Forwarded-For", "203.0.113.9"}})));
		CPPUNIT_ASSERT_EQUAL(LanGuard::OUTSIDE_NETWORKS,
			check(guard, "127.0.0.1", headers({{"X-Real-IP", "192.168.1.2"}, {"X-Forwarded-For", "192.168.1.2, 203.0.113.9"}})));
	}

	void testLocalPathsKept()
	{
		for (const char* path : {"/", "/?lang=fr", "/login", "/a/b?c=d&e=f", "/%C3%A9t%C3%A9"})
			CPPUNIT_ASSERT_EQUAL(std::string(path), RedirectTarget::safe(path));
	}

	void testRedirectsOffSiteIgnored()
	{
		for (const char* next : {"", "//evil.example", "//evil.example/", "/\\evil.example", "\\\\evil.example", "https://evil.example",
				 "http:evil.example", "javascript:alert(1)", "evil.example", "/%2F%2Fevil.example", "/%2fevil.example", "%2F%2Fevil.example",
				 "/%5Cevil.example", "/%5cevil.example", "/%252F%252Fevil.example", "/%25252F/evil.example", "/\t/evil.example", "/%09/evil.example",
				 "/ /evil.example", "/%0d%0aSet-Cookie:x=y", "/\r\nLocation: //evil", "/%ZZ", "/#//evil", "/\"><script>"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(next, std::string("/"), RedirectTarget::safe(next));
		CPPUNIT_ASSERT_EQUAL(std::string("/"), RedirectTarget::safe("/" + std::string(600, 'a')));
	}

	void testOriginChecked()
	{
		const std::string own = "http://192.168.1.10:8001";
		CPPUNIT_ASSERT(CsrfGuard::sameOrigin(headers({}), own));
		CPPUNIT_ASSERT(CsrfGuard::sameOrigin(headers({{"Origin", own}}), own));
		CPPUNIT_ASSERT(CsrfGuard::sameOrigin(headers({{"Origin", "HTTP://192.168.1.10:8001"}}), own));
		CPPUNIT_ASSERT(CsrfGuard::sameOrigin(headers({{"Origin", own}, {"Sec-Fetch-Site", "same-origin"}}), own));
		CPPUNIT_ASSERT(CsrfGuard::sameOrigin(headers({{"Sec-Fetch-Site", "none"}}), own));
		for (const char* foreign : {"http://evil.example", "null", "http://192.168.1.10:8002", "https://192.168.1.10:8001", "http://192.168.1.10",
				 "http://192.168.1.10:8001.evil.example", ""})
			CPPUNIT_ASSERT_MESSAGE(foreign, !CsrfGuard::sameOrigin(headers({{"Origin", foreign}}), own));
		CPPUNIT_ASSERT(!CsrfGuard::sameOrigin(headers({{"Sec-Fetch-Site", "cross-site"}}), own));
		CPPUNIT_ASSERT(!CsrfGuard::sameOrigin(headers({{"Sec-Fetch-Site", "same-site"}}), own));
		CPPUNIT_ASSERT(!CsrfGuard::sameOrigin(headers({{"Origin", own}, {"Sec-Fetch-Site", "cross-site"}}), own));
		CPPUNIT_ASSERT(!CsrfGuard::sameOrigin(headers({{"Origin", own}}), ""));
	}

	void testTokensCompared()
	{
		const std::string token = RandomToken::generate();
		CPPUNIT_ASSERT(CsrfGuard::tokensMatch(token, token));
		CPPUNIT_ASSERT(!CsrfGuard::tokensMatch(token, ""));
		CPPUNIT_ASSERT(!CsrfGuard::tokensMatch("", ""));
		CPPUNIT_ASSERT(!CsrfGuard::tokensMatch(token, token.substr(1)));
		CPPUNIT_ASSERT(!CsrfGuard::tokensMatch(token, token + "x"));
		std::string changed = token;
		changed[20] = changed[20] == 'A' ? 'B' : 'A';
		CPPUNIT_ASSERT(!CsrfGuard::tokensMatch(token, changed));
	}

	void testHostHeaderChecked()
	{
		for (const char* good : {"admin.lan", "admin.lan:8001", "192.168.1.10:8001", "[::1]:8001", "[fe80::1]", "localhost"})
			CPPUNIT_ASSERT_MESSAGE(good, RequestOrigin::validHost(good));
		for (const char* bad : {"", "evil.example/x", "a b", "a\"b", "<x>", "[::1", "[::1]x", ":8001", "host:", "host:99999", "host:80:80",
				 "user@host", "-host", ".host", "[]"})
			CPPUNIT_ASSERT_MESSAGE(bad, !RequestOrigin::validHost(bad));
		CPPUNIT_ASSERT_EQUAL(std::string("admin.lan"), RequestOrigin::hostName("Admin.LAN:8001"));
		CPPUNIT_ASSERT_EQUAL(std::string("[::1]"), RequestOrigin::hostName("[::1]:8001"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), RequestOrigin::hostName("a\"b"));
		CPPUNIT_ASSERT_EQUAL(std::string("https://admin.lan:8443"), RequestOrigin::origin(true, "Admin.lan:8443"));
		CPPUNIT_ASSERT_EQUAL(std::string("http://10.0.0.2:8001"), RequestOrigin::origin(false, "10.0.0.2:8001"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), RequestOrigin::origin(false, "evil/x"));
	}

	void testLocalHostNamesAllowed()
	{
		const HostAllowlist hosts("");
		for (const char* host : {"127.0.0.1:8001", "192.168.1.10", "10.0.0.2:8001", "[::1]:8001", "[fe80::1]", "localhost:8001", "LOCALHOST",
				 "nas", "nas:8001", "restream-frontend", "nas.local", "box.lan:8001", "tv.home.arpa", "admin.internal", "nas.localdomain",
				 "a.b.lan"})
			CPPUNIT_ASSERT_MESSAGE(host, hosts.allows(RequestOrigin::hostName(host)));
	}

	void testOtherHostNamesNeedTheSetting()
	{
		const HostAllowlist hosts("");
		// DNS rebinding: a name of the attacker's that resolves to the admin's LAN address
		for (const char* host : {"evil.example", "evil.example:8001", "192.168.1.10.nip.io", "lan.evil.example", "evil.lan.example",
				 "localhost.evil.example", "evil.example.", "nas.lan.", "0x7f.1", "127.1", "192.168.001.010", "", "a\"b"})
		{
			CPPUNIT_ASSERT_MESSAGE(host, !hosts.allows(RequestOrigin::hostName(host)));
		}
		const HostAllowlist listed(" Admin.Example.org, tv.example.net ");
		CPPUNIT_ASSERT(listed.allows(RequestOrigin::hostName("admin.example.org:8001")));
		CPPUNIT_ASSERT(listed.allows(RequestOrigin::hostName("TV.example.net")));
		CPPUNIT_ASSERT(!listed.allows(RequestOrigin::hostName("evil.example")));
		CPPUNIT_ASSERT(!listed.allows(RequestOrigin::hostName("sub.admin.example.org")));
		const HostAllowlist any("*");
		CPPUNIT_ASSERT(any.allows(RequestOrigin::hostName("evil.example")));
		CPPUNIT_ASSERT(!any.allows(RequestOrigin::hostName("a\"b")));
		for (const char* bad : {"admin.example.org:8001", "https://admin.example.org", "admin example", "*.example.org", "a/b"})
			CPPUNIT_ASSERT_THROW_MESSAGE(bad, HostAllowlist{bad}, Poco::InvalidArgumentException);
	}

	void testRandomTokens()
	{
		std::set<std::string> seen;
		for (int i = 0; i < 200; ++i)
		{
			const std::string token = RandomToken::generate();
			CPPUNIT_ASSERT_EQUAL(std::size_t(43), token.size());
			CPPUNIT_ASSERT(RandomToken::looksValid(token));
			CPPUNIT_ASSERT(seen.insert(token).second);
		}
		CPPUNIT_ASSERT(!RandomToken::looksValid(""));
		CPPUNIT_ASSERT(!RandomToken::looksValid(std::string(42, 'a')));
		CPPUNIT_ASSERT(!RandomToken::looksValid(std::string(42, 'a') + "="));
		CPPUNIT_ASSERT(!RandomToken::looksValid(std::string(42, 'a') + std::string(1, '\0')));
	}

	void testSessionIdleExpiry()
	{
		SessionStore store(Poco::Timespan(60 * 60, 0), 10);
		const Poco::Timestamp start;
		const Poco::Timestamp farTokenExpiry = start + Poco::Timespan(24 * 3600, 0).totalMicroseconds();
		const AdminSession created = store.create("admin", "jwt", farTokenExpiry, start);
		CPPUNIT_ASSERT(created.id != created.csrfToken);
		AdminSession found;
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(created.id, found, start + Poco::Timespan(59 * 60, 0).totalMicroseconds()));
		CPPUNIT_ASSERT_EQUAL(std::string("jwt"), found.apiToken);
		CPPUNIT_ASSERT_EQUAL(created.csrfToken, found.csrfToken);
		// the use above restarted the idle time: 59 + 59 minutes is still fine
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(created.id, found, start + Poco::Timespan(118 * 60, 0).totalMicroseconds()));
		CPPUNIT_ASSERT_EQUAL(SessionStore::EXPIRED, store.find(created.id, found, start + Poco::Timespan(178 * 60, 0).totalMicroseconds()));
		CPPUNIT_ASSERT_EQUAL(SessionStore::MISSING, store.find(created.id, found, start + Poco::Timespan(179 * 60, 0).totalMicroseconds()));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.size());
		CPPUNIT_ASSERT_EQUAL(SessionStore::MISSING, store.find(RandomToken::generate(), found, start));
	}

	void testSessionEndsWithApiToken()
	{
		SessionStore store(Poco::Timespan(60 * 60, 0), 10);
		const Poco::Timestamp start;
		const AdminSession created = store.create("admin", "jwt", start + Poco::Timespan(10, 0).totalMicroseconds(), start);
		AdminSession found;
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(created.id, found, start + Poco::Timespan(9, 0).totalMicroseconds()));
		CPPUNIT_ASSERT_EQUAL(SessionStore::EXPIRED, store.find(created.id, found, start + Poco::Timespan(10, 0).totalMicroseconds()));
	}

	void testBackgroundPollsAreNoUse()
	{
		// the dashboard's own polls (status, account, preview) do not keep an unattended tab signed in
		for (const char* background : {"/ui/status", "/ui/account", "/preview/live.m3u8", "/preview/hls/101/segment-3.ts"})
			CPPUNIT_ASSERT_MESSAGE(background, UiEndpoints::isBackground(background));
		for (const char* used : {"/ui/channels", "/ui/categories", "/ui/start", "/ui/stop", "/ui/favourites", "/ui/statusx"})
			CPPUNIT_ASSERT_MESSAGE(used, !UiEndpoints::isBackground(used));

		SessionStore store(Poco::Timespan(60 * 60, 0), 10);
		const Poco::Timestamp start;
		const AdminSession created = store.create("admin", "jwt", start + Poco::Timespan(24 * 3600, 0).totalMicroseconds(), start);
		const auto minutes = [&start](int m) { return start + Poco::Timespan(m * 60, 0).totalMicroseconds(); };
		AdminSession found;
		for (int m = 2; m < 60; m += 2)
			CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(created.id, found, minutes(m), SessionStore::BACKGROUND));
		CPPUNIT_ASSERT_EQUAL(SessionStore::EXPIRED, store.find(created.id, found, minutes(60), SessionStore::BACKGROUND));

		const AdminSession used = store.create("admin", "jwt", start + Poco::Timespan(24 * 3600, 0).totalMicroseconds(), start);
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(used.id, found, minutes(50), SessionStore::ACTIVE));
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(used.id, found, minutes(100), SessionStore::BACKGROUND));
		CPPUNIT_ASSERT_EQUAL(SessionStore::EXPIRED, store.find(used.id, found, minutes(110), SessionStore::BACKGROUND));
	}

	void testSessionsBounded()
	{
		SessionStore store(Poco::Timespan(60 * 60, 0), 2);
		const Poco::Timestamp start;
		const Poco::Timestamp expiry = start + Poco::Timespan(3600, 0).totalMicroseconds();
		const AdminSession first = store.create("admin", "a", expiry, start);
		const AdminSession second = store.create("admin", "b", expiry, start + 1000);
		AdminSession found;
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(first.id, found, start + 2000)); // first is now the most recent
		const AdminSession third = store.create("admin", "c", expiry, start + 3000);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), store.size());
		CPPUNIT_ASSERT_EQUAL(SessionStore::MISSING, store.find(second.id, found, start + 4000));
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(first.id, found, start + 4000));
		CPPUNIT_ASSERT_EQUAL(SessionStore::FOUND, store.find(third.id, found, start + 4000));
	}

	void testSessionRemoved()
	{
		SessionStore store(Poco::Timespan(60, 0), 4);
		const Poco::Timestamp start;
		const AdminSession created = store.create("admin", "jwt", start + Poco::Timespan(3600, 0).totalMicroseconds(), start);
		store.remove(created.id);
		AdminSession found;
		CPPUNIT_ASSERT_EQUAL(SessionStore::MISSING, store.find(created.id, found, start));
		store.remove("no such session");
	}

	void testFavouritesPersisted()
	{
		Poco::TemporaryFile directory;
		directory.createDirectories();
		{
			FavouritesStore store(directory.path());
			CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.list("admin")->size());
			store.set("admin", channel(105, "News 24"), true);
			store.set("admin", channel(101, "France 2 Été", "http://provider.example/logos/101.png"), true);
			store.set("admin", channel(105, "News 24 HD"), true); // replaces, keeps its place
			CPPUNIT_ASSERT_EQUAL(std::string("105,101"), idsOf(store.list("admin")));
			store.set("other", channel(103, "Sport"), true);
			CPPUNIT_ASSERT_EQUAL(std::string("105,101"), idsOf(store.set("admin", channel(999, "Not a favourite"), false)));
		}
		FavouritesStore reread(directory.path());
		const auto list = reread.list("admin");
		CPPUNIT_ASSERT_EQUAL(std::string("105,101"), idsOf(list));
		CPPUNIT_ASSERT_EQUAL(std::string("News 24 HD"), list->getObject(0)->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("http://provider.example/logos/101.png"), list->getObject(1)->getValue<std::string>("stream_icon"));
		CPPUNIT_ASSERT_EQUAL(std::string("103"), idsOf(reread.list("other")));
		CPPUNIT_ASSERT_EQUAL(std::string("101"), idsOf(reread.set("admin", channel(105, "News 24"), false)));

		const std::string file = directory.path() + "/favourites-61646d696e.json"; // hex of "admin"
		CPPUNIT_ASSERT(Poco::File(file).exists());
		CPPUNIT_ASSERT(!Poco::File(file + ".tmp").exists());
		struct stat status;
		CPPUNIT_ASSERT(::stat(file.c_str(), &status) == 0);
		CPPUNIT_ASSERT_EQUAL(0600, static_cast<int>(status.st_mode & 0777));
		Poco::FileInputStream in(file);
		const auto onDisk = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Array::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("101"), idsOf(onDisk));
	}

	void testFavouritesValidated()
	{
		Poco::TemporaryFile directory;
		directory.createDirectories();
		FavouritesStore store(directory.path());
		Poco::JSON::Object textId = channel(1, "x");
		textId.set("stream_id", std::string("101"));
		CPPUNIT_ASSERT_THROW(store.set("admin", textId, true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(0, "zero"), true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(-5, "negative"), true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(9007199254740992LL, "too big"), true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(1, ""), true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(1, "\n\t\x7f"), true), Poco::InvalidArgumentException);
		Poco::JSON::Object numericName = channel(1, "x");
		numericName.set("name", 42);
		CPPUNIT_ASSERT_THROW(store.set("admin", numericName, true), Poco::InvalidArgumentException);
		const auto huge = Poco::JSON::Parser().parse("{\"stream_id\": 18446744073709551615, \"name\": \"x\"}").extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_THROW(store.set("admin", *huge, true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(1, "x", "javascript:alert(1)"), true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(store.set("admin", channel(1, "x", "data:image/png;base64,AAAA"), true), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.list("admin")->size());
		CPPUNIT_ASSERT(!Poco::File(directory.path() + "/favourites-61646d696e.json").exists());
	}

	void testFavouritesFileUnreadable()
	{
		Poco::TemporaryFile directory;
		directory.createDirectories();
		{
			Poco::FileOutputStream out(directory.path() + "/favourites-61646d696e.json");
			out << "{ not json";
		}
		FavouritesStore store(directory.path());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.list("admin")->size());
		CPPUNIT_ASSERT_EQUAL(std::string("7"), idsOf(store.set("admin", channel(7, "Seven"), true)));
	}

	void testFavouriteNamesCleaned()
	{
		Poco::TemporaryFile directory;
		directory.createDirectories();
		FavouritesStore store(directory.path());
		const auto nameOf = [&store](const std::string& name) {
			const auto list = store.set("admin", channel(7, name), true);
			return list->getObject(0)->getValue<std::string>("name");
		};
		// a provider's names as they come: control characters are dropped, not refused
		CPPUNIT_ASSERT_EQUAL(std::string("News 24"), nameOf("News\t 24\r\n"));
		CPPUNIT_ASSERT_EQUAL(std::string("Été"), nameOf("\x01\xc2\x85\xc3\x89t\xc3\xa9\x7f"));
		// too long: cut to 300 bytes, never inside a character
		CPPUNIT_ASSERT_EQUAL(std::string(300, 'n'), nameOf(std::string(301, 'n')));
		std::string cjk;
		for (int i = 0; i < 120; ++i) cjk += "\xe6\x97\xa5"; // 日, 3 bytes: 360 bytes
		CPPUNIT_ASSERT_EQUAL(cjk.substr(0, 300), nameOf(cjk));
		// "a" and 99 characters of 3 bytes make 298 bytes; the 100th would end at 301
		CPPUNIT_ASSERT_EQUAL(std::string("a") + cjk.substr(0, 297), nameOf("a" + cjk));
	}

	void testStreamIdsRead()
	{
		const auto parsed = Poco::JSON::Parser()
								.parse("{\"one\": 1, \"max\": 9007199254740991, \"over\": 9007199254740992, \"huge\": 18446744073709551615, "
									   "\"zero\": 0, \"negative\": -5, \"fraction\": 1.5, \"text\": \"101\", \"yes\": true, \"none\": null}")
								.extract<Poco::JSON::Object::Ptr>();
		Poco::Int64 id = 0;
		CPPUNIT_ASSERT(StreamId::read(parsed->get("one"), id));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), id);
		CPPUNIT_ASSERT(StreamId::read(parsed->get("max"), id));
		CPPUNIT_ASSERT_EQUAL(StreamId::MAX, id);
		for (const char* bad : {"over", "huge", "zero", "negative", "fraction", "text", "yes", "none", "missing"})
		{
			id = 77;
			CPPUNIT_ASSERT_MESSAGE(bad, !StreamId::read(parsed->get(bad), id));
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(77), id);
		}
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(UiAdminUnitTest);
