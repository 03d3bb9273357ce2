//
// AcceptLanguageTest.cpp
//
// A page's language from Accept-Language: q-values, regions, wildcards and
// garbage.
//

#include "restream/AcceptLanguage.h"
#include <cppunit/extensions/HelperMacros.h>

class AcceptLanguageTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AcceptLanguageTest);
	CPPUNIT_TEST(testPrimarySubtagMatches);
	CPPUNIT_TEST(testHighestQualityWins);
	CPPUNIT_TEST(testFallback);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPrimarySubtagMatches()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), choose("fr-CA,fr;q=0.9,en;q=0.8"));
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), choose("FR-be"));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose("en-GB,en-US;q=0.9,fr;q=0.5"));
	}

	void testHighestQualityWins()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), choose("en;q=0.4, fr;q=0.8"));
		CPPUNIT_ASSERT_EQUAL(std::string("fr"), choose("de, fr;q=0.7, en;q=0.3"));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose("en, fr")); // a tie: the earlier one
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose("fr;q=0, en;q=0.1")); // q=0 means "not this"
	}

	void testFallback()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose(""));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose("de-DE,de;q=0.9"));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose("*"));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose(";;,,;q=abc,=,"));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), choose("fr;q=oops"));
	}

private:
	static std::string choose(const std::string& header)
	{
		return restream::AcceptLanguage::choose(header, {"en", "fr"}, "en");
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(AcceptLanguageTest);
