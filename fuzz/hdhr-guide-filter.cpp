//
// hdhr-guide-filter.cpp
//
// GuideFilter on any provider guide (XMLTV as a panel's xmltv.php sends it).
// Contract: only Poco::XML::SAXParseException (malformed) or
// Poco::DataFormatException (not XMLTV); a guide filtered is well-formed
// XMLTV holding only the lineup's channels and programmes: filtered again,
// it comes out the same, with the same counts.
//

#include "FuzzInput.h"
#include "GuideFilter.h"
#include <Poco/Exception.h>
#include <Poco/SAX/SAXException.h>
#include <sstream>

using outputhdhr::GuideFilter;

namespace {

const std::set<std::string>& lineup()
{
	static const std::set<std::string> ids = {"bbc1.uk", "arte.fr", "das-erste.de", ""};
	return ids;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	std::istringstream guide(restreamfuzz::text(data, size));
	std::ostringstream filtered;
	GuideFilter filter(lineup(), filtered);
	try
	{
		filter.parse(guide);
	}
	catch (const Poco::XML::SAXParseException&)
	{
		return 0;
	}
	catch (const Poco::DataFormatException&)
	{
		return 0;
	}

	std::istringstream again(filtered.str());
	std::ostringstream refiltered;
	GuideFilter second(lineup(), refiltered);
	second.parse(again);
	FUZZ_CHECK(refiltered.str() == filtered.str());
	FUZZ_CHECK(second.channels() == filter.channels() && second.programmes() == filter.programmes());
	return 0;
}
