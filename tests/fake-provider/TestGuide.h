//
// TestGuide.h
//
// Parses an XMLTV guide for the fake provider's self-test.
//


#ifndef FakeProvider_TestGuide_INCLUDED
#define FakeProvider_TestGuide_INCLUDED


#include "Poco/SAX/DefaultHandler.h"
#include "Poco/Types.h"
#include <istream>
#include <map>
#include <set>
#include <string>
#include <vector>


class TestGuide: public Poco::XML::DefaultHandler
	/// Reads a guide with Poco's SAX parser as it arrives (a guide of hundreds of MB is never held
	/// in memory) and checks it against the XMLTV DTD's structure and the fake's promises:
	/// channels before programmes, display-name+ then icon* in a channel, title+ desc* category*
	/// in a programme, programme times "YYYYMMDDhhmmss +hhmm" on declared channels, each
	/// channel's programmes back to back. What breaks a rule is listed in problems().
	/// Not thread-safe.
{
public:
	struct Channel
	{
		std::string id;
		std::string name;
		std::string icon;
		std::size_t programmes = 0;
		Poco::Int64 firstStart = 0; /// Unix seconds
		Poco::Int64 lastStop = 0;
	};

	void parse(std::istream& in);
		/// Throws Poco::XML::SAXParseException if the document is not well-formed.

	const std::vector<Channel>& channels() const;
	std::size_t programmes() const;
	const std::set<std::string>& titles() const;
	const std::vector<std::string>& problems() const;
	Poco::UInt64 bytes() const;
		/// Characters of text and attribute values seen (a rough size check).

	void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& localName, const Poco::XML::XMLString& qname,
		const Poco::XML::Attributes& attributes) override;
	void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& localName, const Poco::XML::XMLString& qname) override;
	void characters(const Poco::XML::XMLChar ch[], int start, int length) override;

private:
	void problem(const std::string& text);
	static bool parseTime(const std::string& text, Poco::Int64& unixSeconds);

	std::vector<Channel> _channels;
	std::map<std::string, std::size_t> _index; /// channel id -> position
	std::vector<std::string> _path;
	std::size_t _programmes = 0;
	std::set<std::string> _titles;
	std::vector<std::string> _problems;
	std::string _text;
	int _childRank = 0; /// rank of the last child element of a channel or programme
	Poco::UInt64 _bytes = 0;
};


#endif // FakeProvider_TestGuide_INCLUDED
