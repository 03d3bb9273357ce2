//
// TsRing.cpp
//

#include "TsRing.h"

namespace outputts {

TsRing::TsRing(std::size_t capacity):
	_capacity(capacity)
{
}

void TsRing::append(Chunk chunk, bool joinPoint)
{
	if (!chunk || chunk->empty()) return;
	_bytes += chunk->size();
	_entries.push_back(Entry{std::move(chunk), joinPoint});
	if (joinPoint)
	{
		_haveJoinPoint = true;
		_joinPoint = next() - 1;
	}
	while (_bytes > _capacity && _entries.size() > 1)
	{
		_bytes -= _entries.front().chunk->size();
		_entries.pop_front();
		if (_haveJoinPoint && _joinPoint == _first) _haveJoinPoint = false;
		++_first;
	}
}

bool TsRing::joinPoint(Poco::UInt64& sequence) const
{
	if (_haveJoinPoint) sequence = _joinPoint;
	return _haveJoinPoint;
}

TsRing::Read TsRing::read(Poco::UInt64& cursor, std::vector<Chunk>& chunks) const
{
	if (cursor < _first) return Read::Overrun;
	for (; cursor < next(); ++cursor) chunks.push_back(_entries[static_cast<std::size_t>(cursor - _first)].chunk);
	return Read::Ok;
}

Poco::UInt64 TsRing::first() const
{
	return _first;
}

Poco::UInt64 TsRing::next() const
{
	return _first + _entries.size();
}

std::size_t TsRing::bytes() const
{
	return _bytes;
}

std::size_t TsRing::capacity() const
{
	return _capacity;
}

} // namespace outputts
