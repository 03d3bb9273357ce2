//
// FavouritesStore.cpp
//

#include "FavouritesStore.h"
#include "StreamId.h"
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Path.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace uiadmin {

namespace {

const std::size_t MAX_NAME = 300;
const std::size_t MAX_ICON = 2048;
const std::size_t MAX_CATEGORY = 64;

std::string optionalString(const Poco::JSON::Object& channel, const std::string& key, std::size_t limit)
{
	const Poco::Dynamic::Var value = channel.get(key);
	if (value.isEmpty()) return "";
	if (!value.isString()) throw Poco::InvalidArgumentException(key + " must be a string");
	const std::string text = value.toString();
	if (text.size() > limit) throw Poco::InvalidArgumentException(key + " is longer than " + std::to_string(limit) + " characters");
	for (const char c : text)
	{
		if (static_cast<unsigned char>(c) < 0x20) throw Poco::InvalidArgumentException(key + " contains control characters");
	}
	return text;
}

std::string cleanName(const Poco::JSON::Object& channel)
	/// The provider's name as it can be shown: without control characters (C0, DEL, C1), cut to MAX_NAME bytes
	/// at a UTF-8 character boundary.
{
	const Poco::Dynamic::Var value = channel.get("name");
	if (!value.isString()) throw Poco::InvalidArgumentException("name must be a string");
	const std::string text = value.toString();
	std::string name;
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		const auto byte = static_cast<unsigned char>(text[i]);
		if (byte < 0x20 || byte == 0x7F) continue;
		const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
		if (byte == 0xC2 && next >= 0x80 && next <= 0x9F)
		{
			++i; // U+0080 to U+009F
			continue;
		}
		name += text[i];
	}
	if (name.size() > MAX_NAME)
	{
		std::size_t end = MAX_NAME;
		while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end; // not inside a character
		name.erase(end);
	}
	if (name.empty()) throw Poco::InvalidArgumentException("name must not be empty");
	return name;
}

} // namespace

FavouritesStore::FavouritesStore(std::string directory):
	_directory(std::move(directory))
{
}

Poco::JSON::Array::Ptr FavouritesStore::list(const std::string& user)
{
	Poco::FastMutex::ScopedLock lock(_mutex);
	return toJson(loaded(user));
}

Poco::JSON::Array::Ptr FavouritesStore::set(const std::string& user, const Poco::JSON::Object& channel, bool favourite)
{
	const Favourite entry = parse(channel);
	Poco::FastMutex::ScopedLock lock(_mutex);
	std::vector<Favourite> favourites = loaded(user);
	bool replaced = false;
	for (auto it = favourites.begin(); it != favourites.end();)
	{
		if (it->streamId != entry.streamId)
		{
			++it;
			continue;
		}
		if (favourite && !replaced)
		{
			*it = entry;
			replaced = true;
			++it;
		}
		else
		{
			it = favourites.erase(it);
		}
	}
	if (favourite && !replaced)
	{
		if (favourites.size() >= MAX_FAVOURITES)
			throw Poco::InvalidArgumentException("at most " + std::to_string(MAX_FAVOURITES) + " favourites");
		favourites.push_back(entry);
	}
	save(user, favourites);
	_byUser[user] = favourites;
	return toJson(favourites);
}

FavouritesStore::Favourite FavouritesStore::parse(const Poco::JSON::Object& channel)
{
	Favourite favourite;
	if (!StreamId::read(channel.get("stream_id"), favourite.streamId))
		throw Poco::InvalidArgumentException("stream_id must be a positive integer");
	favourite.name = cleanName(channel);
	favourite.icon = optionalString(channel, "stream_icon", MAX_ICON);
	if (!favourite.icon.empty() && favourite.icon.compare(0, 7, "http://") != 0 && favourite.icon.compare(0, 8, "https://") != 0)
		throw Poco::InvalidArgumentException("stream_icon must be an http(s) URL");
	favourite.categoryId = optionalString(channel, "category_id", MAX_CATEGORY);
	return favourite;
}

Poco::JSON::Array::Ptr FavouritesStore::toJson(const std::vector<Favourite>& favourites)
{
	Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
	for (const auto& favourite : favourites)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("stream_id", favourite.streamId);
		item->set("name", favourite.name);
		item->set("stream_icon", favourite.icon);
		item->set("category_id", favourite.categoryId);
		array->add(item);
	}
	return array;
}

std::vector<FavouritesStore::Favourite>& FavouritesStore::loaded(const std::string& user)
{
	auto found = _byUser.find(user);
	if (found != _byUser.end()) return found->second;
	std::vector<Favourite>& favourites = _byUser[user];
	try
	{
		Poco::FileInputStream in(fileOf(user));
		const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(in);
		const auto array = parsed.extract<Poco::JSON::Array::Ptr>();
		for (std::size_t i = 0; i < array->size() && favourites.size() < MAX_FAVOURITES; ++i)
		{
			const auto item = array->getObject(static_cast<unsigned>(i));
			if (item) favourites.push_back(parse(*item));
		}
	}
	catch (const Poco::Exception&)
	{
		favourites.clear(); // no file yet, or one that does not parse: an empty list
	}
	return favourites;
}

std::string FavouritesStore::fileOf(const std::string& user) const
{
	static const char digits[] = "0123456789abcdef";
	std::string name = "favourites-";
	for (const char c : user)
	{
		const auto byte = static_cast<unsigned char>(c);
		name += digits[byte >> 4];
		name += digits[byte & 0x0F];
	}
	return Poco::Path(_directory, name + ".json").toString();
}

void FavouritesStore::save(const std::string& user, const std::vector<Favourite>& favourites) const
{
	std::ostringstream text;
	Poco::JSON::Stringifier::stringify(toJson(favourites), text, 1, 1);
	text << '\n';
	const std::string content = text.str();
	const std::string path = fileOf(user);
	const std::string temporary = path + ".tmp";
	const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) throw Poco::FileException("cannot write " + temporary, std::strerror(errno));
	std::size_t written = 0;
	while (written < content.size())
	{
		const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
		if (n < 0 && errno == EINTR) continue;
		if (n <= 0)
		{
			const int error = errno;
			::close(fd);
			::unlink(temporary.c_str());
			throw Poco::FileException("cannot write " + temporary, std::strerror(error));
		}
		written += static_cast<std::size_t>(n);
	}
	const bool synced = ::fsync(fd) == 0;
	const bool closed = ::close(fd) == 0;
	if (!synced || !closed || std::rename(temporary.c_str(), path.c_str()) != 0)
	{
		const int error = errno;
		::unlink(temporary.c_str());
		throw Poco::FileException("cannot replace " + path, std::strerror(error));
	}
}

} // namespace uiadmin
