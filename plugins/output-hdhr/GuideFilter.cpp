//
// GuideFilter.cpp
//

#include "GuideFilter.h"
#include <Poco/Exception.h>
#include <Poco/SAX/AttributesImpl.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>

namespace outputhdhr {

// Nothing below throws from a parser callback: an exception would have to
// cross expat's C frames. Problems are recorded and reported after parse().

GuideFilter::GuideFilter(const std::set<std::string>& ids, std::ostream& out):
	_ids(ids),
	_writer(out, Poco::XML::XMLWriter::WRITE_XML_DECLARATION)
{
}

void GuideFilter::parse(std::istream& guide)
{
	Poco::XML::SAXParser parser;
	parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
	parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
	parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
	parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
	parser.setContentHandler(this);
	Poco::XML::InputSource source(guide);
	parser.parse(&source);
	if (_notXmltv) throw Poco::DataFormatException("the guide is not XMLTV: its root element is not <tv>");
}

std::size_t GuideFilter::channels() const
{
	return _channels;
}

std::size_t GuideFilter::programmes() const
{
	return _programmes;
}

void GuideFilter::setDocumentLocator(const Poco::XML::Locator*)
{
}

void GuideFilter::startDocument()
{
	_writer.startDocument();
}

void GuideFilter::endDocument()
{
	if (!_notXmltv) _writer.endDocument();
}

void GuideFilter::startElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& localName,
	const Poco::XML::XMLString& qname, const Poco::XML::Attributes& attributes)
{
	++_depth;
	if (_notXmltv) return;
	if (_depth == 1)
	{
		if (qname != "tv")
		{
			_notXmltv = true;
			return;
		}
		// The provider's own attributes (generator, source URL) are not passed on.
		Poco::XML::AttributesImpl root;
		root.addAttribute("", "", "generator-info-name", "CDATA", "restream");
		_writer.startElement("", "", "tv", root);
		_writer.characters("\n");
		return;
	}
	if (_depth == 2)
	{
		if (qname == "channel" && _ids.count(attributes.getValue("id")))
			++_channels;
		else if (qname == "programme" && _ids.count(attributes.getValue("channel")))
			++_programmes;
		else
			return;
		_keeping = true;
	}
	if (_keeping) _writer.startElement(uri, localName, qname, attributes);
}

void GuideFilter::endElement(const Poco::XML::XMLString& uri, const Poco::XML::XMLString& localName, const Poco::XML::XMLString& qname)
{
	const int depth = _depth--;
	if (_notXmltv) return;
	if (depth == 1)
	{
		_writer.endElement("", "", "tv");
		return;
	}
	if (!_keeping) return;
	_writer.endElement(uri, localName, qname);
	if (depth == 2)
	{
		_keeping = false;
		_writer.characters("\n");
	}
}

void GuideFilter::characters(const Poco::XML::XMLChar ch[], int start, int length)
{
	if (_keeping) _writer.characters(ch, start, length);
}

void GuideFilter::ignorableWhitespace(const Poco::XML::XMLChar ch[], int start, int length)
{
	if (_keeping) _writer.characters(ch, start, length);
}

void GuideFilter::processingInstruction(const Poco::XML::XMLString&, const Poco::XML::XMLString&)
{
}

void GuideFilter::startPrefixMapping(const Poco::XML::XMLString&, const Poco::XML::XMLString&)
{
}

void GuideFilter::endPrefixMapping(const Poco::XML::XMLString&)
{
}

void GuideFilter::skippedEntity(const Poco::XML::XMLString&)
{
}

} // namespace outputhdhr
