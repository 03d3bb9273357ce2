//
// EngineLease.cpp
//

#include "live/EngineLease.h"

namespace restream::host {

EngineLease::EngineLease(std::shared_ptr<LeaseBook> book, Poco::Int64 streamId, Poco::UInt64 number):
	_book(std::move(book)),
	_streamId(streamId),
	_number(number)
{
}

EngineLease::~EngineLease()
{
	_book->release(_streamId, _number);
}

Poco::Int64 EngineLease::streamId() const
{
	return _streamId;
}

bool EngineLease::active() const
{
	return _book->active(_streamId, _number);
}

} // namespace restream::host
