//
// PageTemplateTest.cpp
//
// Server-rendered pages: values and translated strings fill the
// placeholders, always HTML-escaped.
//

#include "restream/PageTemplate.h"
#include <cppunit/extensions/HelperMacros.h>

class PageTemplateTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PageTemplateTest);
	CPPUNIT_TEST(testValuesThenStringsThenKey);
	CPPUNIT_TEST(testEverythingIsEscaped);
	CPPUNIT_TEST(testUnclosedPlaceholderKeptAsText);
	CPPUNIT_TEST_SUITE_END();

public:
	void testValuesThenStringsThenKey()
	{
		Poco::JSON::Object strings;
		strings.set("title", std::string("Aucun stream actif"));
		strings.set("lang", std::string("ignored: a value wins"));
		const restream::PageTemplate page("<html lang=\"{{lang}}\"><h1>{{title}}</h1>{{untranslated}}</html>");
		CPPUNIT_ASSERT_EQUAL(std::string("<html lang=\"fr\"><h1>Aucun stream actif</h1>untranslated</html>"),
			page.render({{"lang", "fr"}}, strings));
	}

	void testEverythingIsEscaped()
	{
		const restream::PageTemplate page("<p title=\"{{value}}\">{{greeting}}</p><input value='{{value}}'>");
		Poco::JSON::Object strings;
		strings.set("greeting", std::string("Bonjour & <bienvenue>"));
		const std::string html = page.render({{"value", "\"><script>alert('x')</script>"}}, strings);
		CPPUNIT_ASSERT_EQUAL(std::string("<p title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">Bonjour &amp; &lt;bienvenue&gt;</p>"
			"<input value='&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'>"), html);
	}

	void testUnclosedPlaceholderKeptAsText()
	{
		const restream::PageTemplate page("a {{b}} c {{d");
		CPPUNIT_ASSERT_EQUAL(std::string("a B c {{d"), page.render({{"b", "B"}}, Poco::JSON::Object()));
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(PageTemplateTest);
