//
// JsonWriter.h
//
// Library: fakeprovider
//
// Streaming JSON text builder.
//


#ifndef FakeProvider_JsonWriter_INCLUDED
#define FakeProvider_JsonWriter_INCLUDED


#include "Poco/Types.h"
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>


namespace fakeprovider {


class JsonWriter
	/// Builds compact JSON text into a string, in order; a long document can be written out in
	/// pieces as it is built (drainTo()). With PHP escaping, strings are escaped
	/// as PHP's json_encode() does by default ("\/", \uXXXX for every non-ASCII character, UTF-16
	/// surrogate pairs above U+FFFF); otherwise UTF-8 is written as is.
	/// The caller is responsible for a well-formed sequence (key() before each value in an object).
	/// Not thread-safe.
{
public:
	explicit JsonWriter(bool phpEscaping);

	JsonWriter& beginObject();
	JsonWriter& endObject();
	JsonWriter& beginArray();
	JsonWriter& endArray();
	JsonWriter& key(const std::string& name);
	JsonWriter& value(const std::string& text);
	JsonWriter& value(const char* text);
	JsonWriter& value(Poco::Int64 number);
	JsonWriter& value(int number);
	JsonWriter& value(bool flag);
	JsonWriter& null();

	const std::string& str() const;
		/// The text built (since the last drainTo()).

	std::size_t size() const;
		/// Bytes in str().

	void drainTo(std::ostream& out);
		/// Writes str() to out and empties it; building goes on where it was.

private:
	void separate();
	void writeString(const std::string& text);

	bool _phpEscaping;
	std::string _out;
	std::vector<bool> _first;  /// per open container: no element written yet
	bool _afterKey = false;
};


} // namespace fakeprovider


#endif // FakeProvider_JsonWriter_INCLUDED
