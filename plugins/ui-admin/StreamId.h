//
// StreamId.h
//
// A channel's stream_id as a JSON body or a path carries it.
//

#ifndef uiadmin_StreamId_INCLUDED
#define uiadmin_StreamId_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/Types.h>
#include <string>

namespace uiadmin {

class StreamId
	/// A stream_id is a JSON integer from 1 to 2^53 - 1 (what a browser's
	/// number holds exactly). Stateless; any thread. Errors: none.
{
public:
	static bool read(const Poco::Dynamic::Var& value, Poco::Int64& id);
		/// True, with id set, when value is such an integer; false for
		/// anything else (a string, a fraction, 0, a negative number, a
		/// number too large for any integer type), without throwing.

	static bool parse(const std::string& text, Poco::Int64& id);
		/// True, with id set, when text is such an integer in decimal digits
		/// (no sign, blank or leading zero); false for anything else.

	static constexpr Poco::Int64 MAX = 9007199254740991LL; // 2^53 - 1
};

} // namespace uiadmin

#endif // uiadmin_StreamId_INCLUDED
