//
// Catalog.h
//
// Library: fakeprovider
//
// The categories and channels of the fake panel.
//


#ifndef FakeProvider_Catalog_INCLUDED
#define FakeProvider_Catalog_INCLUDED


#include "EncodingProfile.h"
#include <string>
#include <unordered_map>
#include <vector>


namespace fakeprovider {


class Catalog
	/// The built-in categories and channels plus a number of synthetic ones.
	/// Immutable after construction: safe to read from any thread.
{
public:
	struct Category
	{
		int id = 0;
		std::string name;
	};

	struct Channel
	{
		int streamId = 0;
		int num = 0;
		std::string name;
		int categoryId = 0;
		std::string epgChannelId;
		bool hasLogo = false;  /// stream_icon points to /logos/ID.png, else it is ""
		long added = 0;        /// unix time
		bool online = true;    /// false: listed, but its stream answers 404
		EncodingProfile profile;
	};

	explicit Catalog(int syntheticChannels);
		/// Built-in catalog plus syntheticChannels generated channels over 50 categories.

	const std::vector<Category>& categories() const;
	const std::vector<Channel>& channels() const;

	const Channel* find(int streamId) const;
		/// The channel with this stream id, or nullptr.

private:
	void addBuiltIns();
	void addSynthetic(int count);

	std::vector<Category> _categories;
	std::vector<Channel> _channels;
	std::unordered_map<int, std::size_t> _index; /// stream id -> position in _channels
};


} // namespace fakeprovider


#endif // FakeProvider_Catalog_INCLUDED
