//
// JsonRepair.h
//
// Mending the two faults of otherwise valid JSON that break a strict parser.
//

#ifndef sourcextream_JsonRepair_INCLUDED
#define sourcextream_JsonRepair_INCLUDED

#include <string>

namespace sourcextream {

class JsonRepair
	/// Some panels send bytes that are not UTF-8 (names in Latin-1) or raw
	/// control characters (tabs, line breaks) inside strings; Poco's parser
	/// refuses the whole document for one such byte. repair() mends them in
	/// place so that one bad name does not cost the whole catalog:
	///   - a byte that does not start a well-formed UTF-8 sequence is read
	///     as Latin-1 (0xA0-0xFF become U+00A0-U+00FF), or replaced by U+FFFD
	///     (0x80-0x9F); well-formed sequences are kept byte for byte;
	///   - a control character below 0x20 inside a string becomes a space.
	/// Stateless; the methods are static.
{
public:
	static std::size_t repair(std::string& json);
		/// Mends json in place and returns the number of bytes changed; 0
		/// leaves json untouched.

private:
	static std::size_t sequenceLength(const std::string& text, std::size_t at);
		/// The length of the well-formed UTF-8 sequence at text[at] (1 for
		/// ASCII), or 0 if there is none (overlong, surrogate, beyond
		/// U+10FFFF, cut short).
};

} // namespace sourcextream

#endif // sourcextream_JsonRepair_INCLUDED
