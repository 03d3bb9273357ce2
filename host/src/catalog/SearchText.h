//
// SearchText.h
//

#ifndef restream_host_SearchText_INCLUDED
#define restream_host_SearchText_INCLUDED

#include <string>

namespace restream::host {

class SearchText
	/// Folds UTF-8 text for case- and accent-insensitive search: lower case,
	/// Latin accents removed (é → e, Ç → c, œ → oe, ß → ss), other characters
	/// lower-cased as Unicode says, invalid bytes dropped.
	/// Stateless; safe from any thread.
{
public:
	static std::string fold(const std::string& text);
};

} // namespace restream::host

#endif // restream_host_SearchText_INCLUDED
