//
// TsPacket.cpp
//
// Library: fakeprovider
//


#include "TsPacket.h"


namespace fakeprovider {


TsPacket::TsPacket(const char* pData):
	_pData(reinterpret_cast<const std::uint8_t*>(pData))
{
}


int TsPacket::pid() const
{
	return ((_pData[1] & 0x1F) << 8) | _pData[2];
}


bool TsPacket::payloadStart() const
{
	return (_pData[1] & 0x40) != 0;
}


int TsPacket::continuity() const
{
	return _pData[3] & 0x0F;
}


bool TsPacket::randomAccess() const
{
	return adaptationLength() > 1 && (_pData[5] & 0x40) != 0;
}


bool TsPacket::hasPcr() const
{
	return adaptationLength() >= 8 && (_pData[5] & 0x10) != 0;
}


const char* TsPacket::pcr() const
{
	return reinterpret_cast<const char*>(_pData + 6);
}


bool TsPacket::pesPts(Poco::Int64& pts) const
{
	const std::uint8_t* pField = reinterpret_cast<const std::uint8_t*>(pesPtsField());
	if (!pField) return false;
	pts = (static_cast<Poco::Int64>(pField[0] & 0x0E) << 29) | (static_cast<Poco::Int64>(pField[1]) << 22)
		| (static_cast<Poco::Int64>(pField[2] & 0xFE) << 14) | (static_cast<Poco::Int64>(pField[3]) << 7) | (pField[4] >> 1);
	return true;
}


const char* TsPacket::pesPtsField() const
{
	// packet_start_code_prefix, stream_id, PES_packet_length, two flag bytes, header length, PTS
	const std::uint8_t* pPes = payload();
	if (!payloadStart() || !pPes || pPes + 14 > _pData + SIZE) return nullptr;
	if (pPes[0] != 0 || pPes[1] != 0 || pPes[2] != 1 || (pPes[7] & 0x80) == 0) return nullptr;
	return reinterpret_cast<const char*>(pPes + 9);
}


std::size_t TsPacket::adaptationLength() const
{
	return (_pData[3] & 0x20) ? 1 + static_cast<std::size_t>(_pData[4]) : 0;
}


const std::uint8_t* TsPacket::payload() const
{
	if ((_pData[3] & 0x10) == 0) return nullptr;
	const std::size_t offset = 4 + adaptationLength();
	return offset < SIZE ? _pData + offset : nullptr;
}


} // namespace fakeprovider
