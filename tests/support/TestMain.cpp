//
// TestMain.cpp
//
// The main of every CppUnit test executable: `--list` prints the name of each
// test case (CMake turns them into CTest tests); a name runs that test (or
// suite); no argument runs them all.
//

#include <cppunit/CompilerOutputter.h>
#include <cppunit/Test.h>
#include <cppunit/TestResult.h>
#include <cppunit/extensions/TestFactoryRegistry.h>
#include <cppunit/ui/text/TestRunner.h>
#include <iostream>
#include <string>

namespace {

void listTests(CppUnit::Test* test)
{
	if (test->getChildTestCount() == 0)
	{
		std::cout << test->getName() << "\n";
		return;
	}
	for (int i = 0; i < test->getChildTestCount(); ++i) listTests(test->getChildTestAt(i));
}

} // namespace

int main(int argc, char** argv)
{
	CppUnit::Test* all = CppUnit::TestFactoryRegistry::getRegistry().makeTest();
	if (argc > 1 && std::string(argv[1]) == "--list")
	{
		listTests(all);
		delete all;
		return 0;
	}
	CppUnit::TextUi::TestRunner runner;
	runner.addTest(all);
	runner.setOutputter(new CppUnit::CompilerOutputter(&runner.result(), std::cerr));
	const bool ok = runner.run(argc > 1 ? argv[1] : "", false, true, false);
	return ok ? 0 : 1;
}
