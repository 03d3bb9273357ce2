//
// DeviceXmlRoute.cpp
//

#include "DeviceXmlRoute.h"
#include "DeviceModel.h"
#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>
#include <sstream>

namespace outputhdhr {

namespace {

void element(Poco::XML::XMLWriter& writer, const std::string& name, const std::string& text)
{
	writer.dataElement("", "", name, text);
}

} // namespace

DeviceXmlRoute::DeviceXmlRoute(DeviceIdentity identity, std::string friendlyName, const restream::PlaybackUrls& urls,
	Poco::Logger& logger):
	TunerRoute("GET", PATH, "The UPnP description of the HDHomeRun device", true, logger),
	_identity(std::move(identity)),
	_friendlyName(std::move(friendlyName)),
	_urls(urls)
{
}

void DeviceXmlRoute::serve(const restream::RouteRequest& request, restream::RouteResponse& response)
{
	std::ostringstream text;
	Poco::XML::XMLWriter writer(text, Poco::XML::XMLWriter::WRITE_XML_DECLARATION | Poco::XML::XMLWriter::PRETTY_PRINT);
	writer.setNewLine("\n");
	writer.startDocument();
	Poco::XML::AttributesImpl rootAttributes;
	rootAttributes.addAttribute("", "", "xmlns", "CDATA", "urn:schemas-upnp-org:device-1-0");
	writer.startElement("", "", "root", rootAttributes);
	writer.startElement("", "", "specVersion");
	element(writer, "major", "1");
	element(writer, "minor", "0");
	writer.endElement("", "", "specVersion");
	element(writer, "URLBase", _urls.portUrl("tuner", request));
	writer.startElement("", "", "device");
	element(writer, "deviceType", DeviceModel::UPNP_DEVICE_TYPE);
	element(writer, "friendlyName", _friendlyName);
	element(writer, "manufacturer", DeviceModel::MANUFACTURER);
	element(writer, "modelName", DeviceModel::MODEL_NAME);
	element(writer, "modelNumber", DeviceModel::MODEL_NUMBER);
	element(writer, "serialNumber", _identity.deviceId());
	element(writer, "UDN", "uuid:" + _identity.uuid());
	writer.endElement("", "", "device");
	writer.endElement("", "", "root");
	writer.endDocument();
	response.sendText(200, "application/xml; charset=utf-8", text.str(), {{"Cache-Control", "no-store"}});
}

} // namespace outputhdhr
