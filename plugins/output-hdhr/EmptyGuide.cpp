//
// EmptyGuide.cpp
//

#include "EmptyGuide.h"
#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>
#include <set>
#include <sstream>

namespace outputhdhr {

std::string EmptyGuide::write(const LineupSnapshot& lineup)
{
	std::ostringstream text;
	Poco::XML::XMLWriter writer(text, Poco::XML::XMLWriter::WRITE_XML_DECLARATION);
	writer.startDocument();
	Poco::XML::AttributesImpl root;
	root.addAttribute("", "", "generator-info-name", "CDATA", "restream");
	writer.startElement("", "", "tv", root);
	writer.characters("\n");
	std::set<std::string> written;
	for (const auto& entry : lineup.entries)
	{
		const restream::ChannelInfo& channel = entry.channel;
		if (channel.epgId.empty() || !written.insert(channel.epgId).second) continue;
		Poco::XML::AttributesImpl id;
		id.addAttribute("", "", "id", "CDATA", channel.epgId);
		writer.startElement("", "", "channel", id);
		writer.dataElement("", "", "display-name", channel.name);
		if (!channel.logoUrl.empty())
		{
			Poco::XML::AttributesImpl icon;
			icon.addAttribute("", "", "src", "CDATA", channel.logoUrl);
			writer.emptyElement("", "", "icon", icon);
		}
		writer.endElement("", "", "channel");
		writer.characters("\n");
	}
	writer.endElement("", "", "tv");
	writer.endDocument();
	return text.str();
}

} // namespace outputhdhr
