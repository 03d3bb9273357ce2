//
// ConstantTime.cpp
//

#include "ConstantTime.h"
#include <algorithm>

namespace authjwt {

bool ConstantTime::equals(const std::string& given, const std::string& expected)
{
	const std::size_t length = std::max(given.size(), expected.size());
	volatile unsigned char difference = given.size() == expected.size() ? 0 : 1;
	for (std::size_t i = 0; i < length; ++i)
	{
		const unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
		const unsigned char b = i < expected.size() ? static_cast<unsigned char>(expected[i]) : 0;
		difference = difference | static_cast<unsigned char>(a ^ b);
	}
	return difference == 0;
}

} // namespace authjwt
