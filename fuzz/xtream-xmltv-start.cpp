//
// xtream-xmltv-start.cpp
//
// XmltvStart on any first bytes of an answer to xmltv.php. Contract: ""
// (a guide) or one of the documented sentences, whose quoted part is at
// most 40 printable ASCII characters (it goes into a log line and an error
// message).
//

#include "FuzzInput.h"
#include "XmltvStart.h"

using sourcextream::XmltvStart;

namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
	return text.compare(0, prefix.size(), prefix) == 0;
}

bool printableAscii(const std::string& text)
{
	for (const char c : text)
	{
		if (c < 0x20 || c >= 0x7F) return false;
	}
	return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string start = restreamfuzz::text(data, size).substr(0, XmltvStart::SIZE);
	const std::string problem = XmltvStart::problem(start);
	if (problem.empty())
	{
		FUZZ_CHECK(start.find("<tv") != std::string::npos);
		return 0;
	}
	FUZZ_CHECK(printableAscii(problem));
	static const std::string TEXT = "the text \"";
	static const std::string ROOT = "an XML document whose root is <";
	if (startsWith(problem, TEXT))
	{
		FUZZ_CHECK(problem.back() == '"' && problem.size() <= TEXT.size() + 40 + 1);
		return 0;
	}
	if (startsWith(problem, ROOT))
	{
		FUZZ_CHECK(problem.back() == '>' && problem.size() <= ROOT.size() + 40 + 1);
		return 0;
	}
	FUZZ_CHECK(problem == "an empty answer" || problem == "JSON" || problem == "an HTML page" ||
		problem == "no <tv> element in its first 4 KiB");
	return 0;
}
