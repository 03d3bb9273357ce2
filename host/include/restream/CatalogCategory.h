//
// CatalogCategory.h
//

#ifndef restream_CatalogCategory_INCLUDED
#define restream_CatalogCategory_INCLUDED

#include <cstddef>
#include <string>

namespace restream {

struct CatalogCategory
	/// A category of the catalog. A value type.
{
	std::string id;           /// the source's id ("1")
	std::string name;         /// UTF-8
	std::size_t channelCount = 0;
};

} // namespace restream

#endif // restream_CatalogCategory_INCLUDED
