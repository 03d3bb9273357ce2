//
// PlaylistLoader.cpp
//

#include "PlaylistLoader.h"
#include "restream/SourceException.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <ios>
#include <memory>

using restream::SourceException;

namespace m3usource {

namespace {

const std::size_t MAX_SIZE = 64 * 1024 * 1024;
const int MAX_REDIRECTS = 3;
const std::streamsize ANY_LENGTH = -1; // as Poco's UNKNOWN_CONTENT_LENGTH: no length announced

bool isRemote(const std::string& location)
{
	const std::string lower = Poco::toLower(location);
	return lower.compare(0, 7, "http://") == 0 || lower.compare(0, 8, "https://") == 0;
}

std::string origin(const Poco::URI& uri)
	/// scheme://host[:port]: no user information, no path, no query.
{
	std::string text = uri.getScheme() + "://" + uri.getHost();
	const unsigned short defaultPort = uri.getScheme() == "https" ? 443 : 80;
	if (uri.getPort() != defaultPort) text += ":" + std::to_string(uri.getPort());
	return text;
}

std::string readLimited(std::istream& in, const std::string& description, std::streamsize expected)
	/// The whole of in. A failed read (timeout, reset, I/O error) throws,
	/// the stream buffer's own exception when it had one; so does a body
	/// shorter than expected (a Content-Length, or ANY_LENGTH).
{
	in.exceptions(std::ios::badbit); // else a read that throws only ends the loop, and a cut playlist looks whole
	std::string text;
	char buffer[65536];
	while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0)
	{
		text.append(buffer, static_cast<std::size_t>(in.gcount()));
		if (text.size() > MAX_SIZE)
			throw SourceException(SourceException::ProviderError, "the M3U playlist from " + description + " is larger than 64 MB");
	}
	if (expected != ANY_LENGTH && static_cast<std::streamsize>(text.size()) != expected)
		throw SourceException(SourceException::ProviderError, "the M3U playlist from " + description + " was cut short: " +
			std::to_string(text.size()) + " of " + std::to_string(expected) + " bytes");
	return text;
}

} // namespace

PlaylistLoader::PlaylistLoader(const std::string& location, Poco::Timespan timeout, const std::string& userAgent,
	Poco::Net::Context::Ptr tlsContext):
	_location(location),
	_remote(isRemote(location)),
	_timeout(timeout),
	_userAgent(userAgent),
	_tlsContext(tlsContext)
{
	if (_remote)
	{
		const Poco::URI uri(_location);
		if (uri.getHost().empty()) throw Poco::InvalidArgumentException("the playlist URL has no host");
		_description = origin(uri);
	}
	else if (location.find("://") != std::string::npos)
	{
		throw Poco::InvalidArgumentException("the playlist must be an http(s) URL or a file path");
	}
	else
	{
		_description = "file " + Poco::Path(location).getFileName();
	}
}

std::string PlaylistLoader::load() const
{
	return _remote ? fetch() : readFile();
}

const std::string& PlaylistLoader::describe() const
{
	return _description;
}

std::string PlaylistLoader::readFile() const
{
	try
	{
		if (!Poco::File(_location).exists())
			throw SourceException(SourceException::Unreachable, "the M3U playlist " + _description + " does not exist");
		Poco::FileInputStream in(_location);
		return readLimited(in, _description, ANY_LENGTH);
	}
	catch (const SourceException&)
	{
		throw;
	}
	catch (const Poco::Exception& exc)
	{
		throw SourceException(SourceException::Unreachable, "cannot read the M3U playlist " + _description + ": " + exc.name());
	}
	catch (const std::ios::failure&)
	{
		throw SourceException(SourceException::Unreachable, "cannot read the M3U playlist " + _description + ": a read failed");
	}
}

std::string PlaylistLoader::fetch() const
{
	Poco::URI uri(_location);
	for (int redirects = 0;; ++redirects)
	{
		const std::string where = origin(uri);
		try
		{
			std::unique_ptr<Poco::Net::HTTPClientSession> session;
			if (uri.getScheme() == "https")
				session.reset(new Poco::Net::HTTPSClientSession(uri.getHost(), uri.getPort(), _tlsContext));
			else
				session.reset(new Poco::Net::HTTPClientSession(uri.getHost(), uri.getPort()));
			session->setTimeout(_timeout, _timeout, _timeout);
			Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
				Poco::Net::HTTPMessage::HTTP_1_1);
			request.set("User-Agent", _userAgent);
			request.set("Accept", "*/*");
			session->sendRequest(request);
			Poco::Net::HTTPResponse response;
			std::istream& body = session->receiveResponse(response);
			const int status = response.getStatus();
			if (status >= 300 && status < 400 && response.has("Location"))
			{
				if (redirects >= MAX_REDIRECTS)
					throw SourceException(SourceException::ProviderError, "the M3U playlist at " + where + " redirects too often");
				const bool secure = uri.getScheme() == "https";
				uri.resolve(response.get("Location"));
				if (uri.getScheme() != "http" && uri.getScheme() != "https")
					throw SourceException(SourceException::ProviderError, "the M3U playlist at " + where + " redirects to another scheme");
				// the target usually carries the credentials (get.php?username=...): never in clear after TLS
				if (secure && uri.getScheme() != "https")
					throw SourceException(SourceException::ProviderError,
						"the M3U playlist at " + where + " redirects from https to http: refused");
				continue;
			}
			if (status == 401 || status == 403)
				throw SourceException(SourceException::BadCredentials,
					"the M3U playlist at " + where + " refused the request (HTTP " + std::to_string(status) + ")");
			if (status != 200)
				throw SourceException(SourceException::ProviderError,
					"the M3U playlist at " + where + " answered HTTP " + std::to_string(status));
			return readLimited(body, where, static_cast<std::streamsize>(response.getContentLength64()));
		}
		catch (const SourceException&)
		{
			throw;
		}
		catch (const Poco::TimeoutException&)
		{
			throw SourceException(SourceException::Timeout, "the M3U playlist at " + where + " did not answer in time");
		}
		catch (const Poco::Exception& exc)
		{
			// exc's message may quote the URL: give its kind only
			throw SourceException(SourceException::Unreachable, "cannot fetch the M3U playlist at " + where + ": " + exc.name());
		}
		catch (const std::ios::failure&)
		{
			throw SourceException(SourceException::Unreachable, "cannot fetch the M3U playlist at " + where + ": a read failed");
		}
	}
}

} // namespace m3usource
