//
// FavouritesStore.h
//
// Each admin user's favourite channels, kept on the server.
//

#ifndef uiadmin_FavouritesStore_INCLUDED
#define uiadmin_FavouritesStore_INCLUDED

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Mutex.h>
#include <Poco/Types.h>
#include <map>
#include <string>
#include <vector>

namespace uiadmin {

class FavouritesStore
	/// Favourites per user name, each a channel as the catalog showed it
	/// (stream_id, name, stream_icon, category_id), so that the list shows
	/// without asking the API for channels one by one. Kept in
	/// <directory>/favourites-<hex of the user name>.json, rewritten whole on
	/// each change through a temporary file, fsync and rename: a crash leaves
	/// the old list or the new one, never half of one. A file that does not
	/// parse counts as an empty list (and is replaced on the next change).
	///
	/// Threads: every method may be called from any thread.
	/// Errors: set() throws Poco::InvalidArgumentException for a channel
	/// that is not one (see set()), Poco::FileException when the file cannot
	/// be written (the list in memory is then unchanged).
{
public:
	static const std::size_t MAX_FAVOURITES = 1000;

	explicit FavouritesStore(std::string directory);

	Poco::JSON::Array::Ptr list(const std::string& user);
		/// The user's favourites in the order they were added (a new array).

	Poco::JSON::Array::Ptr set(const std::string& user, const Poco::JSON::Object& channel, bool favourite);
		/// Adds channel to the user's favourites (or replaces the entry of the
		/// same stream_id), or removes it when favourite is false; returns the
		/// new list. channel needs stream_id (StreamId) and a name, which is
		/// kept without its control characters and cut to 300 bytes at a
		/// character boundary (a provider's names are what they are);
		/// stream_icon (an http(s) URL, at most 2048 characters) and
		/// category_id (at most 64 characters) are optional.

private:
	struct Favourite
	{
		Poco::Int64 streamId = 0;
		std::string name;
		std::string icon;
		std::string categoryId;
	};

	static Favourite parse(const Poco::JSON::Object& channel);
	static Poco::JSON::Array::Ptr toJson(const std::vector<Favourite>& favourites);
	std::vector<Favourite>& loaded(const std::string& user);
	std::string fileOf(const std::string& user) const;
	void save(const std::string& user, const std::vector<Favourite>& favourites) const;

	const std::string _directory;
	Poco::FastMutex _mutex;
	std::map<std::string, std::vector<Favourite>> _byUser;
};

} // namespace uiadmin

#endif // uiadmin_FavouritesStore_INCLUDED
