//
// SsdpSearch.cpp
//

#include "SsdpSearch.h"
#include "DeviceModel.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Timestamp.h>
#include <sstream>

namespace outputhdhr {

namespace {

const char* const ROOT_DEVICE = "upnp:rootdevice";

} // namespace

bool SsdpSearch::read(const std::string& datagram, std::string& searchTarget)
{
	Poco::Net::HTTPRequest request;
	try
	{
		std::istringstream in(datagram);
		request.read(in);
	}
	catch (const Poco::Exception&)
	{
		return false;
	}
	if (request.getMethod() != "M-SEARCH" || request.getURI() != "*") return false;
	const std::string man = request.get("MAN", "");
	if (man != "\"ssdp:discover\"" && man != "ssdp:discover") return false;
	searchTarget = request.get("ST", "");
	return !searchTarget.empty();
}

std::string SsdpSearch::respond(const std::string& searchTarget, const std::string& uuid, const std::string& location)
{
	const std::string udn = "uuid:" + uuid;
	std::string target = searchTarget;
	std::string usn;
	if (searchTarget == "ssdp:all" || searchTarget == ROOT_DEVICE)
	{
		target = ROOT_DEVICE;
		usn = udn + "::" + ROOT_DEVICE;
	}
	else if (searchTarget == udn)
		usn = udn;
	else if (searchTarget == DeviceModel::UPNP_DEVICE_TYPE)
		usn = udn + "::" + searchTarget;
	else
		return "";
	return "HTTP/1.1 200 OK\r\n"
		   "CACHE-CONTROL: max-age=1800\r\n"
		   "DATE: " + Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::HTTP_FORMAT) + "\r\n"
		   "EXT:\r\n"
		   "LOCATION: " + location + "\r\n"
		   "SERVER: " + Poco::Environment::osName() + "/" + Poco::Environment::osVersion() + " UPnP/1.0 restream/1.0\r\n"
		   "ST: " + target + "\r\n"
		   "USN: " + usn + "\r\n"
		   "\r\n";
}

} // namespace outputhdhr
