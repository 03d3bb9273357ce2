//
// ByteRange.h
//
// A single HTTP byte range (RFC 9110, section 14).
//

#ifndef outputhls_ByteRange_INCLUDED
#define outputhls_ByteRange_INCLUDED

#include <cstddef>
#include <string>

namespace outputhls {

class ByteRange
	/// What a Range header asks of a body of a known size. Only one range is
	/// honoured ("bytes=a-b", "bytes=a-", "bytes=-n"); a list of ranges or a
	/// malformed header is ignored (the whole body is sent, as RFC 9110
	/// allows). A value type.
{
public:
	enum class Kind
	{
		Whole,        /// no usable Range: send everything (200)
		Partial,      /// send [first(), last()] (206)
		Unsatisfiable /// nothing of the body matches (416)
	};

	static ByteRange parse(const std::string& header, std::size_t size);
		/// The range header asks of a body of size bytes; an empty header is Whole.

	Kind kind() const;
	std::size_t first() const;
		/// The first byte, for Partial.
	std::size_t last() const;
		/// The last byte (inclusive), for Partial.
	std::size_t length() const;
		/// last() - first() + 1 for Partial, else 0.

private:
	ByteRange(Kind kind, std::size_t first, std::size_t last);

	static bool parseNumber(const std::string& text, std::size_t& value);
		/// True for 1 to 19 decimal digits.

	Kind _kind;
	std::size_t _first;
	std::size_t _last;
};

} // namespace outputhls

#endif // outputhls_ByteRange_INCLUDED
