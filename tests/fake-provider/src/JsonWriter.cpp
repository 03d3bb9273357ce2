//
// JsonWriter.cpp
//
// Library: fakeprovider
//


#include "JsonWriter.h"
#include "Poco/NumberFormatter.h"


namespace fakeprovider {


namespace {


void appendUnicodeEscape(std::string& out, unsigned unit)
{
	static const char digits[] = "0123456789abcdef";
	out += "\\u";
	out += digits[(unit >> 12) & 0xF];
	out += digits[(unit >> 8) & 0xF];
	out += digits[(unit >> 4) & 0xF];
	out += digits[unit & 0xF];
}


std::size_t decodeUtf8(const std::string& text, std::size_t pos, unsigned& codePoint)
	/// Decodes the sequence at pos; returns its length, or 0 if it is not valid UTF-8.
{
	const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
	const unsigned lead = byte(pos);
	std::size_t length = 0;
	if (lead >= 0xF0 && lead <= 0xF4) { length = 4; codePoint = lead & 0x07; }
	else if (lead >= 0xE0) { length = 3; codePoint = lead & 0x0F; }
	else if (lead >= 0xC2 && lead < 0xE0) { length = 2; codePoint = lead & 0x1F; }
	else return 0;
	if (lead >= 0xF5 || pos + length > text.size()) return 0;
	for (std::size_t i = 1; i < length; ++i)
	{
		const unsigned next = byte(pos + i);
		if ((next & 0xC0) != 0x80) return 0;
		codePoint = (codePoint << 6) | (next & 0x3F);
	}
	return length;
}


} // namespace


JsonWriter::JsonWriter(bool phpEscaping):
	_phpEscaping(phpEscaping)
{
}


JsonWriter& JsonWriter::beginObject()
{
	separate();
	_out += '{';
	_first.push_back(true);
	return *this;
}


JsonWriter& JsonWriter::endObject()
{
	_out += '}';
	_first.pop_back();
	return *this;
}


JsonWriter& JsonWriter::beginArray()
{
	separate();
	_out += '[';
	_first.push_back(true);
	return *this;
}


JsonWriter& JsonWriter::endArray()
{
	_out += ']';
	_first.pop_back();
	return *this;
}


JsonWriter& JsonWriter::key(const std::string& name)
{
	separate();
	writeString(name);
	_out += ':';
	_afterKey = true;
	return *this;
}


JsonWriter& JsonWriter::value(const std::string& text)
{
	separate();
	writeString(text);
	return *this;
}


JsonWriter& JsonWriter::value(const char* text)
{
	return value(std::string(text));
}


JsonWriter& JsonWriter::value(Poco::Int64 number)
{
	separate();
	Poco::NumberFormatter::append(_out, number);
	return *this;
}


JsonWriter& JsonWriter::value(int number)
{
	return value(static_cast<Poco::Int64>(number));
}


JsonWriter& JsonWriter::value(bool flag)
{
	separate();
	_out += flag ? "true" : "false";
	return *this;
}


JsonWriter& JsonWriter::null()
{
	separate();
	_out += "null";
	return *this;
}


const std::string& JsonWriter::str() const
{
	return _out;
}


std::size_t JsonWriter::size() const
{
	return _out.size();
}


void JsonWriter::drainTo(std::ostream& out)
{
	out.write(_out.data(), static_cast<std::streamsize>(_out.size()));
	_out.clear();
}


void JsonWriter::separate()
{
	if (_afterKey)
	{
		_afterKey = false;
		return;
	}
	if (_first.empty()) return;
	if (!_first.back()) _out += ',';
	_first.back() = false;
}


void JsonWriter::writeString(const std::string& text)
{
	_out += '"';
	for (std::size_t pos = 0; pos < text.size(); ++pos)
	{
		const unsigned char c = static_cast<unsigned char>(text[pos]);
		switch (c)
		{
		case '"': _out += "\\\""; break;
		case '\\': _out += "\\\\"; break;
		case '\n': _out += "\\n"; break;
		case '\r': _out += "\\r"; break;
		case '\t': _out += "\\t"; break;
		case '\b': _out += "\\b"; break;
		case '\f': _out += "\\f"; break;
		case '/':
			if (_phpEscaping) _out += "\\/";
			else _out += '/';
			break;
		default:
			if (c < 0x20)
			{
				appendUnicodeEscape(_out, c);
			}
			else if (c >= 0x80 && _phpEscaping)
			{
				unsigned codePoint = 0;
				const std::size_t length = decodeUtf8(text, pos, codePoint);
				if (length == 0)
				{
					appendUnicodeEscape(_out, 0xFFFD);
					break;
				}
				if (codePoint >= 0x10000)
				{
					codePoint -= 0x10000;
					appendUnicodeEscape(_out, 0xD800 + (codePoint >> 10));
					appendUnicodeEscape(_out, 0xDC00 + (codePoint & 0x3FF));
				}
				else appendUnicodeEscape(_out, codePoint);
				pos += length - 1;
			}
			else _out += static_cast<char>(c);
		}
	}
	_out += '"';
}


} // namespace fakeprovider
