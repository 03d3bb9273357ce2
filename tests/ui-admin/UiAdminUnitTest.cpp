//
// UiAdminUnitTest.cpp
//
// Unit tests of the ui-admin plugin's parts: the next= check, the CSRF and
// Origin checks, the Host header check, sessions and their expiry, stream
// ids, the preview's segment shapes, favourites on disk. (Who may reach the
// admin port at all, LAN and host names, is the host's rule and test.)
//

#include "CsrfGuard.h"
#include "FavouritesStore.h"
#include "FormFields.h"
#include "PreviewPaths.h"
#include "RandomToken.h"
#include "RedirectTarget.h"
#include "RequestOrigin.h"
#include "SessionStore.h"
#include "StreamId.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <set>
#include <sys/stat.h>
#include <utility>
#include <vector>

using uiadmin::AdminSession;
using uiadmin::CsrfGuard;
using uiadmin::FavouritesStore;
using uiadmin::FormFields;
using uiadmin::PreviewPaths;
using uiadmin::RandomToken;
using uiadmin::RedirectTarget;
using uiadmin::RequestOrigin;
using uiadmin::SessionStore;
using uiadmin::StreamId;

namespace {

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
	CPPUNIT_TEST(testFormFieldsRead);
	CPPUNIT_TEST(testLocalPathsKept);
	CPPUNIT_TEST(testRedirectsOffSiteIgnored);
	CPPUNIT_TEST(testOriginChecked);
	CPPUNIT_TEST(testTokensCompared);
	CPPUNIT_TEST(testHostHeaderChecked);
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
	CPPUNIT_TEST(testPreviewMediaShapes);
	CPPUNIT_TEST(testPreviewReloadDirectives);
	CPPUNIT_TEST_SUITE_END();

public:
	void testFormFieldsRead()
	{
		std::map<std::string, std::string> fields;
		CPPUNIT_ASSERT(FormFields::read("username=admin&password=p%40ss+word&next=%2F&username=again&flag", fields));
		CPPUNIT_ASSERT_EQUAL(std::string("again"), fields["username"]);
		CPPUNIT_ASSERT_EQUAL(std::string("p@ss word"), fields["password"]);
		CPPUNIT_ASSERT_EQUAL(std::string("/"), fields["next"]);
		CPPUNIT_ASSERT(fields.count("flag") == 1 && fields["flag"].empty());
		CPPUNIT_ASSERT(!FormFields::read("username=%G1", fields));
		// HTMLForm's limits count the text as sent (found by fuzz/admin-form-fields.cpp): a name of 342
		// characters, escaped as 1026, is refused
		std::string escaped;
		for (int i = 0; i < 342; ++i) escaped += "%41";
		CPPUNIT_ASSERT(!FormFields::read(escaped + "=1", fields));
		CPPUNIT_ASSERT(FormFields::read(std::string(1024, 'A') + "=1", fields));
		std::string many;
		for (int i = 0; i < 101; ++i) many += "f" + std::to_string(i) + "=1&";
		CPPUNIT_ASSERT(!FormFields::read(many, fields));
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
				 "/ /evil.example", "/%0d%0aSet-Cookie:x=y", "/\r\nLocation: //evil", "/%ZZ", "/#//evil", "/\"><script>",
				 // encoded four times and more (found by fuzz/admin-redirect.cpp: three decodings were checked)
				 "/%2525252Fevil.example", "/!/%2525251F%25252Fexa", "/%252525252525252F/evil.example"})
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
		CPPUNIT_ASSERT_EQUAL(std::string("https://admin.lan:8443"), RequestOrigin::origin(true, "Admin.lan:8443"));
		CPPUNIT_ASSERT_EQUAL(std::string("http://10.0.0.2:8001"), RequestOrigin::origin(false, "10.0.0.2:8001"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), RequestOrigin::origin(false, "evil/x"));
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
		// in a path
		CPPUNIT_ASSERT(StreamId::parse("101", id));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(101), id);
		CPPUNIT_ASSERT(StreamId::parse("9007199254740991", id));
		CPPUNIT_ASSERT_EQUAL(StreamId::MAX, id);
		for (const char* bad : {"", "0", "0101", "-1", "+1", " 1", "1 ", "1.5", "1e3", "abc", "9007199254740992", "18446744073709551615",
				 "\xd9\xa1"}) // Arabic-Indic one
		{
			id = 77;
			CPPUNIT_ASSERT_MESSAGE(bad, !StreamId::parse(bad, id));
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(77), id);
		}
	}

	void testPreviewMediaShapes()
	{
		// exactly the names output-hls gives segments, init segments and parts (its HlsPaths)
		for (const auto& good : std::vector<std::pair<std::string, std::string>>{
				 {"/preview/hls/program/0a1b2c3d4e-17.ts", "video/mp2t"},
				 {"/preview/hls/101/0a1b2c3d4e-0.ts", "video/mp2t"},
				 {"/preview/hls/9007199254740991/0a1b2c3d4e-9999999999999999999.ts", "video/mp2t"},
				 {"/preview/hls/program/0a1b2c3d4e-1.mp4", "video/mp4"},
				 {"/preview/hls/program/0a1b2c3d4e-17.m4s", "video/mp4"},
				 {"/preview/hls/program/0a1b2c3d4e-17.0.m4s", "video/mp4"},
				 {"/preview/hls/101/0a1b2c3d4e-17.9999.m4s", "video/mp4"}})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(good.first, good.second, PreviewPaths::mediaType(good.first));
		for (const char* bad : {"/preview/hls/101/segment-3.ts", "/preview/hls/101/a.ts", "/preview/hls/101/.ts", "/preview/hls//0a1b2c3d4e-1.ts",
				 "/preview/hls/x1/0a1b2c3d4e-1.ts", "/preview/hls/0/0a1b2c3d4e-1.ts", "/preview/hls/0101/0a1b2c3d4e-1.ts",
				 "/preview/hls/9007199254740992/0a1b2c3d4e-1.ts", "/preview/hls/programs/0a1b2c3d4e-1.ts", "/preview/hls/progra/0a1b2c3d4e-1.ts",
				 "/preview/hls/101/0A1B2C3D4E-1.ts", "/preview/hls/101/0a1b2c3d4g-1.ts", "/preview/hls/101/0a1b2c3d4-1.ts",
				 "/preview/hls/101/0a1b2c3d4ef-1.ts", "/preview/hls/101/0a1b2c3d4e1.ts", "/preview/hls/101/0a1b2c3d4e-.ts",
				 "/preview/hls/101/0a1b2c3d4e-01.ts", "/preview/hls/101/0a1b2c3d4e-10000000000000000000.ts",
				 "/preview/hls/101/0a1b2c3d4e-1.m3u8", "/preview/hls/101/0a1b2c3d4e-1.TS", "/preview/hls/101/0a1b2c3d4e-1.mp4/",
				 "/preview/hls/101/0a1b2c3d4e-1.ts/", "/preview/hls/101/0a1b2c3d4e-1", "/preview/hls/101/0a1b2c3d4e-1.",
				 "/preview/hls/101/0a1b2c3d4e-1.2.ts", "/preview/hls/101/0a1b2c3d4e-1.2.mp4", "/preview/hls/101/0a1b2c3d4e-1..m4s",
				 "/preview/hls/101/0a1b2c3d4e-1.02.m4s", "/preview/hls/101/0a1b2c3d4e-1.10000.m4s", "/preview/hls/101/0a1b2c3d4e-1.2.3.m4s",
				 "/preview/hls/101/0a1b2c3d4e-1.x.m4s", "/preview/hls/101/0a1b2c3d4e-1.m4s.m4s", "/preview/hls/101/../0a1b2c3d4e-1.ts",
				 "/preview/hls/101/0a1b2c3d4e-1/../../x.ts", "/preview/hls/101/0a1b2c3d4e-1%2fx.m4s", "/preview/hls/101/0a1b2c3d4e-1.m4s ",
				 "/preview/hls/101", "/preview/hls/", "/preview/live.m3u8", "/preview/live.ll.m3u8", "/hls/101/0a1b2c3d4e-1.ts"})
			CPPUNIT_ASSERT_MESSAGE(bad, PreviewPaths::mediaType(bad).empty());
	}

	void testPreviewReloadDirectives()
	{
		using Query = std::vector<std::pair<std::string, std::string>>;
		std::string directives = "left over";
		CPPUNIT_ASSERT(PreviewPaths::reloadDirectives({}, directives));
		CPPUNIT_ASSERT_EQUAL(std::string(), directives);
		CPPUNIT_ASSERT(PreviewPaths::reloadDirectives(Query{{"_HLS_msn", "17"}}, directives));
		CPPUNIT_ASSERT_EQUAL(std::string("?_HLS_msn=17"), directives);
		CPPUNIT_ASSERT(PreviewPaths::reloadDirectives(Query{{"_HLS_part", "2"}, {"_HLS_msn", "0"}}, directives));
		CPPUNIT_ASSERT_EQUAL(std::string("?_HLS_msn=0&_HLS_part=2"), directives);
		// anything else is dropped, never passed on
		CPPUNIT_ASSERT(PreviewPaths::reloadDirectives(
			Query{{"token", "x"}, {"_HLS_msn", "9999999999999999999"}, {"_HLS_skip", "YES"}, {"_HLS_part", "9999"}, {"a&b", "c=d"}}, directives));
		CPPUNIT_ASSERT_EQUAL(std::string("?_HLS_msn=9999999999999999999&_HLS_part=9999"), directives);
		CPPUNIT_ASSERT(PreviewPaths::reloadDirectives(Query{{"_HLS_skip", "v2"}, {"_hls_msn", "x"}}, directives));
		CPPUNIT_ASSERT_EQUAL(std::string(), directives);
		for (const Query& bad : std::vector<Query>{{{"_HLS_msn", ""}}, {{"_HLS_msn", "x"}}, {{"_HLS_msn", "-1"}}, {{"_HLS_msn", "+1"}},
				 {{"_HLS_msn", " 1"}}, {{"_HLS_msn", "1 "}}, {{"_HLS_msn", "01"}}, {{"_HLS_msn", "1.5"}}, {{"_HLS_msn", "0x10"}},
				 {{"_HLS_msn", "10000000000000000000"}}, {{"_HLS_msn", "99999999999999999999999"}}, {{"_HLS_msn", "1&x=y"}},
				 {{"_HLS_msn", "1"}, {"_HLS_msn", "2"}}, {{"_HLS_part", "1"}}, {{"_HLS_msn", "1"}, {"_HLS_part", "10000"}},
				 {{"_HLS_msn", "1"}, {"_HLS_part", "-1"}}, {{"_HLS_msn", "1"}, {"_HLS_part", ""}}, {{"_HLS_msn", "1"}, {"_HLS_part", "01"}},
				 {{"_HLS_msn", "1"}, {"_HLS_part", "1"}, {"_HLS_part", "1"}}})
		{
			directives = "unchanged";
			CPPUNIT_ASSERT_MESSAGE(bad.front().first + "=" + bad.front().second, !PreviewPaths::reloadDirectives(bad, directives));
		}
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(UiAdminUnitTest);
