//
// TextSearch.h
//
// What tests ask of answers and logs.
//

#ifndef restream_test_TextSearch_INCLUDED
#define restream_test_TextSearch_INCLUDED

#include <string>

namespace restream {
namespace test {

inline bool contains(const std::string& text, const std::string& part)
	/// True when part occurs in text.
{
	return text.find(part) != std::string::npos;
}

} // namespace test
} // namespace restream

#endif // restream_test_TextSearch_INCLUDED
