//
// EntryListHandler.cpp
//

#include "EntryListHandler.h"
#include <limits>

namespace sourcextream {

EntryListHandler::EntryListHandler(std::vector<std::string> keys, Callback callback):
	_keys(std::move(keys)),
	_callback(std::move(callback)),
	_fields(_keys.size())
{
}

std::size_t EntryListHandler::nonObjects() const
{
	return _nonObjects;
}

void EntryListHandler::reset()
{
	for (auto& field : _fields) field.clear();
	_depth = OUTSIDE;
	_inList = false;
	_inEntry = false;
	_slot = -1;
	_nonObjects = 0;
}

void EntryListHandler::startObject()
{
	if (_depth == LIST && _inList)
	{
		for (auto& field : _fields) field.clear();
		_inEntry = true;
		_slot = -1;
	}
	else
	{
		nested();
	}
	++_depth;
}

void EntryListHandler::endObject()
{
	--_depth;
	if (_depth == LIST && _inEntry)
	{
		_inEntry = false;
		_callback(_fields);
	}
}

void EntryListHandler::startArray()
{
	if (_depth == OUTSIDE) _inList = true;
	else nested();
	++_depth;
}

void EntryListHandler::endArray()
{
	--_depth;
}

void EntryListHandler::key(const std::string& name)
{
	if (_depth != ENTRY || !_inEntry) return;
	_slot = -1;
	for (std::size_t i = 0; i < _keys.size(); ++i)
	{
		if (_keys[i] == name)
		{
			_slot = static_cast<int>(i);
			return;
		}
	}
}

void EntryListHandler::null()
{
	if (JsonField* field = slot()) field->type = JsonField::Null;
}

void EntryListHandler::value(int v)
{
	value(static_cast<Poco::Int64>(v));
}

void EntryListHandler::value(unsigned v)
{
	value(static_cast<Poco::Int64>(v));
}

void EntryListHandler::value(Poco::Int64 v)
{
	if (JsonField* field = slot())
	{
		field->type = JsonField::Integer;
		field->integer = v;
	}
}

void EntryListHandler::value(Poco::UInt64 v)
{
	if (v <= static_cast<Poco::UInt64>(std::numeric_limits<Poco::Int64>::max())) value(static_cast<Poco::Int64>(v));
	else value(static_cast<double>(v));
}

void EntryListHandler::value(const std::string& v)
{
	if (JsonField* field = slot())
	{
		field->type = JsonField::Text;
		field->text = v;
	}
}

void EntryListHandler::value(double v)
{
	if (JsonField* field = slot())
	{
		field->type = JsonField::Real;
		field->real = v;
	}
}

void EntryListHandler::value(bool v)
{
	if (JsonField* field = slot())
	{
		field->type = JsonField::Boolean;
		field->boolean = v;
	}
}

JsonField* EntryListHandler::slot()
{
	if (_depth == ENTRY && _inEntry)
	{
		if (_slot < 0) return nullptr;
		JsonField* field = &_fields[static_cast<std::size_t>(_slot)];
		_slot = -1;
		return field;
	}
	if (_depth == LIST && _inList) ++_nonObjects;
	return nullptr;
}

void EntryListHandler::nested()
{
	// an object or array that is not an entry: the value of an entry's key,
	// an element of the list that is not an object, or deeper still
	if (JsonField* field = slot()) field->type = JsonField::Composite;
}

} // namespace sourcextream
