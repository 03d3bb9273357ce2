//
// PlaylistCredentials.cpp
//

#include "PlaylistCredentials.h"
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace m3usource {

namespace {

const std::size_t MIN_SECRET = 3;

std::string decoded(const std::string& text)
	/// text percent-decoded, or text itself when it holds a stray '%'.
{
	std::string result;
	try
	{
		Poco::URI::decode(text, result);
	}
	catch (const Poco::SyntaxException&)
	{
		result = text;
	}
	return result;
}

} // namespace

PlaylistCredentials::PlaylistCredentials(const std::string& location)
{
	const std::string lower = Poco::toLower(location);
	if (lower.compare(0, 7, "http://") != 0 && lower.compare(0, 8, "https://") != 0) return;
	try
	{
		const Poco::URI uri(location);
		const std::string& userInfo = uri.getUserInfo();
		const std::string::size_type colon = userInfo.find(':');
		keep(userInfo.substr(0, colon));
		if (colon != std::string::npos) keep(userInfo.substr(colon + 1));
		for (const auto& parameter : uri.getQueryParameters())
		{
			const std::string name = Poco::toLower(parameter.first);
			if (name == "username" || name == "password") keep(parameter.second);
		}
		std::vector<std::string> segments;
		uri.getPathSegments(segments);
		for (std::size_t i = 0; i + 2 < segments.size(); ++i)
		{
			if (segments[i] != "live") continue;
			keep(segments[i + 1]);
			keep(segments[i + 2]);
			break;
		}
	}
	catch (const Poco::Exception&)
	{
		// PlaylistLoader refuses such a location anyway
	}
}

bool PlaylistCredentials::appearIn(const std::string& text) const
{
	const std::string plain = decoded(text);
	for (const std::string& secret : _secrets)
	{
		if (text.find(secret) != std::string::npos || plain.find(secret) != std::string::npos) return true;
	}
	return false;
}

const std::vector<std::string>& PlaylistCredentials::secrets() const
{
	return _secrets;
}

void PlaylistCredentials::keep(const std::string& secret)
{
	// both forms: whether Poco decoded a part of the URL or not, one of them is the secret
	for (const std::string& form : {secret, decoded(secret)})
	{
		if (form.size() >= MIN_SECRET) _secrets.push_back(form);
	}
}

} // namespace m3usource
