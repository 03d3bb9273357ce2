//
// TsPacket.cpp
//

#include "TsPacket.h"

namespace outputts {

bool TsPacket::synced(const std::string& bytes, std::size_t offset)
{
	return offset + SIZE <= bytes.size() && static_cast<unsigned char>(bytes[offset]) == 0x47;
}

int TsPacket::pid(const std::string& bytes, std::size_t offset)
{
	return ((static_cast<unsigned char>(bytes[offset + 1]) & 0x1F) << 8) | static_cast<unsigned char>(bytes[offset + 2]);
}

bool TsPacket::unitStart(const std::string& bytes, std::size_t offset)
{
	return (static_cast<unsigned char>(bytes[offset + 1]) & 0x40) != 0;
}

std::size_t TsPacket::findUnitStart(const std::string& bytes, int wanted)
{
	for (std::size_t offset = 0; synced(bytes, offset); offset += SIZE)
	{
		if (pid(bytes, offset) == wanted && unitStart(bytes, offset)) return offset;
	}
	return std::string::npos;
}

} // namespace outputts
