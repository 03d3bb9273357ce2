//
// ConstantTime.h
//
// Comparing secrets without leaking where they differ.
//

#ifndef authjwt_ConstantTime_INCLUDED
#define authjwt_ConstantTime_INCLUDED

#include <string>

namespace authjwt {

class ConstantTime
	/// Comparisons whose duration does not depend on the contents compared.
	/// Stateless; safe from any thread; never throws.
{
public:
	static bool equals(const std::string& given, const std::string& expected);
		/// True if both strings are equal. Always reads every byte of the
		/// longer string: the time depends on the lengths only.
};

} // namespace authjwt

#endif // authjwt_ConstantTime_INCLUDED
