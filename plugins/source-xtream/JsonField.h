//
// JsonField.h
//
// One JSON value of a panel's answer, read leniently.
//

#ifndef sourcextream_JsonField_INCLUDED
#define sourcextream_JsonField_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/Types.h>
#include <string>

namespace sourcextream {

struct JsonField
	/// A scalar JSON value as a panel sent it, with the lenient readings that
	/// real panels need: numbers sent as strings or as numbers, booleans as
	/// true/false, 0/1 or "0"/"1", and null where a value was expected.
	/// A value type.
{
	enum Type
	{
		Missing,  /// the key was absent
		Null,     /// null
		Text,     /// a string, in text
		Integer,  /// a whole number, in integer
		Real,     /// a number with a fraction or exponent, or too large: in real
		Boolean,  /// true or false, in boolean
		Composite /// an object or an array (not kept)
	};

	Type type = Missing;
	std::string text;
	Poco::Int64 integer = 0;
	double real = 0;
	bool boolean = false;

	void clear();
		/// Makes the field Missing, keeping the text's capacity.

	bool toInteger(Poco::Int64& value) const;
		/// Reads an integer sent as a number (a real only if whole) or as a
		/// string of decimal digits, surrounding blanks allowed. Returns false
		/// for anything else (null, "", "abc", "1.5", true).

	std::string toText() const;
		/// A string as sent, a number in decimal, a boolean as "1" or "0";
		/// empty for Missing, Null and Composite.

	bool toBool(bool otherwise) const;
		/// true, 1, "1", "true"; false, 0, "0", "false", ""; otherwise for
		/// anything else.

	static JsonField fromVar(const Poco::Dynamic::Var& value);
		/// The field for a value of a parsed DOM (an empty Var is Null).
};

} // namespace sourcextream

#endif // sourcextream_JsonField_INCLUDED
