//
// GuideFilter.h
//
// Streams an XMLTV guide through a SAX parser, keeping the lineup's channels.
//

#ifndef outputhdhr_GuideFilter_INCLUDED
#define outputhdhr_GuideFilter_INCLUDED

#include <Poco/SAX/ContentHandler.h>
#include <Poco/XML/XMLWriter.h>
#include <cstddef>
#include <istream>
#include <ostream>
#include <set>
#include <string>

namespace outputhdhr {

class GuideFilter : public Poco::XML::ContentHandler
	/// Reads an XMLTV document with Poco's SAX parser (expat; no external
	/// entity or DTD is ever fetched) and writes, as well-formed UTF-8 XML,
	/// a <tv> with the <channel> elements whose id and the <programme>
	/// elements whose channel is one of ids, with everything inside them,
	/// in the guide's order; other top-level elements are dropped. Memory
	/// is bounded by the largest kept element, never by the guide: provider
	/// guides are 50-500 MB.
	///
	/// Threads: one parse per object, on the caller's thread.
{
public:
	GuideFilter(const std::set<std::string>& ids, std::ostream& out);
		/// ids and out must outlive the filter.

	void parse(std::istream& guide);
		/// Filters guide into out. Throws Poco::XML::SAXParseException for
		/// a malformed or incomplete document and Poco::DataFormatException
		/// when its root is not <tv>; what was written to out is then not a
		/// complete document.

	std::size_t channels() const;
	std::size_t programmes() const;
		/// The elements kept so far.

	void setDocumentLocator(const Poco::XML::Locator* locator) override;
	void startDocument() override;
	void endDocument() override;
	void startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& localName, const Poco::XML::XMLString& qname,
		const Poco::XML::Attributes& attributes) override;
	void endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& localName, const Poco::XML::XMLString& qname) override;
	void characters(const Poco::XML::XMLChar ch[], int start, int length) override;
	void ignorableWhitespace(const Poco::XML::XMLChar ch[], int start, int length) override;
	void processingInstruction(const Poco::XML::XMLString& target, const Poco::XML::XMLString& data) override;
	void startPrefixMapping(const Poco::XML::XMLString& prefix, const Poco::XML::XMLString& uri) override;
	void endPrefixMapping(const Poco::XML::XMLString& prefix) override;
	void skippedEntity(const Poco::XML::XMLString& name) override;

private:
	const std::set<std::string>& _ids;
	Poco::XML::XMLWriter _writer;
	int _depth = 0;
	bool _keeping = false;   /// inside a kept top-level element
	bool _notXmltv = false;  /// the root is not <tv>: nothing is written
	std::size_t _channels = 0;
	std::size_t _programmes = 0;
};

} // namespace outputhdhr

#endif // outputhdhr_GuideFilter_INCLUDED
