//
// ServerAddress.cpp
//

#include "ServerAddress.h"
#include <Poco/Exception.h>
#include <Poco/NumberFormatter.h>
#include <Poco/RegularExpression.h>
#include <Poco/String.h>
#include <vector>

namespace sourcextream {

ServerAddress::ServerAddress(const std::string& text)
{
	std::string trimmed = Poco::trim(text);
	if (trimmed.empty()) throw Poco::InvalidArgumentException("the address is empty");
	if (trimmed.find("://") == std::string::npos) trimmed = "http://" + trimmed;

	Poco::URI uri;
	try
	{
		uri = Poco::URI(trimmed);
	}
	catch (const Poco::SyntaxException&)
	{
		throw Poco::InvalidArgumentException("the address is not a URL (expected http://host:port)");
	}
	_scheme = Poco::toLower(uri.getScheme());
	if (_scheme != "http" && _scheme != "https")
		throw Poco::InvalidArgumentException("the address must start with http:// or https://, not " + _scheme + "://");
	_host = uri.getHost();
	if (_host.empty()) throw Poco::InvalidArgumentException("the address has no host name");
	_port = uri.getPort();

	std::vector<std::string> segments;
	uri.getPathSegments(segments);
	std::size_t kept = 0;
	while (kept < segments.size() && !isEndpoint(segments[kept]) && !isShortStreamPath(segments, kept)) ++kept;
	for (std::size_t i = 0; i < kept; ++i) _basePath += "/" + segments[i];
}

const std::string& ServerAddress::scheme() const
{
	return _scheme;
}

const std::string& ServerAddress::host() const
{
	return _host;
}

Poco::UInt16 ServerAddress::port() const
{
	return _port;
}

const std::string& ServerAddress::basePath() const
{
	return _basePath;
}

std::string ServerAddress::authority() const
{
	const std::string host = _host.find(':') == std::string::npos ? _host : "[" + _host + "]";
	return host + ":" + Poco::NumberFormatter::format(_port);
}

std::string ServerAddress::baseUrl() const
{
	Poco::URI uri;
	uri.setScheme(_scheme);
	uri.setHost(_host);
	uri.setPort(_port);
	uri.setPath(_basePath);
	return uri.toString();
}

Poco::URI ServerAddress::endpoint(const std::string& file) const
{
	Poco::URI uri;
	uri.setScheme(_scheme);
	uri.setHost(_host);
	uri.setPort(_port);
	uri.setPath(_basePath + "/" + file);
	return uri;
}

bool ServerAddress::isEndpoint(const std::string& segment)
{
	const std::string name = Poco::toLower(segment);
	return Poco::endsWith(name, std::string(".php")) || name == "c" || name == "stalker_portal" || name == "live" ||
		name == "movie" || name == "series" || name == "timeshift";
}

bool ServerAddress::isShortStreamPath(const std::vector<std::string>& segments, std::size_t from)
{
	// NAME/NAME/ID[.ext] ending the path: a pasted short stream URL
	static const Poco::RegularExpression streamId("^[0-9]+(\\.[A-Za-z0-9]+)?$");
	return segments.size() == from + 3 && streamId.match(segments[from + 2]);
}

} // namespace sourcextream
