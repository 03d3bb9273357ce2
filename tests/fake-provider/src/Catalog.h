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
#include <cstddef>
#include <string>
#include <vector>


namespace fakeprovider {


class Catalog
	/// The built-in categories and channels plus a number of synthetic ones. Synthetic channels
	/// are computed when asked for, so a catalog of a million costs no memory.
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
		int num = 0;              /// the panel's channel number: position in the catalog, from 1
		std::string name;
		int categoryId = 0;
		std::string epgChannelId; /// "" for a channel without a guide
		bool hasLogo = false;     /// stream_icon points to /logos/ID.png, else it is ""
		long added = 0;           /// unix time
		bool online = true;       /// false: listed, but its stream answers 404
		EncodingProfile profile;
		bool fromFile = false;    /// its stream is a file (ProviderOptions::fileChannels), not an encoder
	};

	explicit Catalog(int syntheticChannels, const std::vector<int>& fileChannels = {});
		/// Built-in catalog, then the channels of fileChannels (by stream id, "File ID" in category 1),
		/// then syntheticChannels generated channels over 50 categories.

	const std::vector<Category>& categories() const;

	std::size_t channelCount() const;

	Channel channelAt(std::size_t index) const;
		/// The channel at this position in catalog order (its num is index + 1).
		/// index must be below channelCount().

	bool find(int streamId, Channel& channel) const;
		/// Sets channel and returns true if a channel has this stream id.

private:
	void addBuiltIns();
	void addSyntheticCategories();
	Channel syntheticChannel(int index) const;

	std::vector<Category> _categories;
	std::vector<Channel> _builtIns;
	const int _syntheticCount;
};


} // namespace fakeprovider


#endif // FakeProvider_Catalog_INCLUDED
