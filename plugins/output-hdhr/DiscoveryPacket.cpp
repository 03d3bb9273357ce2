//
// DiscoveryPacket.cpp
//

#include "DiscoveryPacket.h"
#include <Poco/Checksum.h>
#include <Poco/Exception.h>
#include <algorithm>

namespace outputhdhr {

namespace {

const std::size_t HEADER_SIZE = 4;
const std::size_t CRC_SIZE = 4;
const std::size_t MAX_VALUE_SIZE = 0x3FFF; // what a two-byte length says

Poco::UInt8 byteAt(const std::string& bytes, std::size_t at)
{
	return static_cast<Poco::UInt8>(bytes[at]);
}

Poco::UInt32 numberAt(const std::string& bytes, std::size_t at)
	/// Four bytes from at, big-endian; bytes holds them.
{
	return static_cast<Poco::UInt32>(byteAt(bytes, at)) << 24 | static_cast<Poco::UInt32>(byteAt(bytes, at + 1)) << 16 |
		static_cast<Poco::UInt32>(byteAt(bytes, at + 2)) << 8 | byteAt(bytes, at + 3);
}

} // namespace

DiscoveryPacket::DiscoveryPacket(Poco::UInt16 type):
	_type(type)
{
}

DiscoveryPacket DiscoveryPacket::reply(Poco::UInt32 deviceId, int tunerCount, const std::string& deviceAuth,
	const std::string& baseUrl, const std::string& lineupUrl)
{
	DiscoveryPacket packet(DISCOVER_REPLY);
	packet.addNumber(DEVICE_TYPE, TUNER);
	packet.addNumber(DEVICE_ID, deviceId);
	packet.addByte(TUNER_COUNT, static_cast<Poco::UInt8>(std::clamp(tunerCount, 0, 255)));
	packet.add(DEVICE_AUTH, deviceAuth);
	packet.add(BASE_URL, baseUrl);
	packet.add(LINEUP_URL, lineupUrl);
	return packet;
}

Poco::UInt16 DiscoveryPacket::type() const
{
	return _type;
}

const std::vector<DiscoveryPacket::Entry>& DiscoveryPacket::entries() const
{
	return _entries;
}

void DiscoveryPacket::add(Poco::UInt8 tag, const std::string& value)
{
	_entries.emplace_back(tag, value);
}

void DiscoveryPacket::addNumber(Poco::UInt8 tag, Poco::UInt32 value)
{
	const char bytes[] = {static_cast<char>(value >> 24), static_cast<char>(value >> 16), static_cast<char>(value >> 8),
		static_cast<char>(value)};
	add(tag, std::string(bytes, sizeof(bytes)));
}

void DiscoveryPacket::addByte(Poco::UInt8 tag, Poco::UInt8 value)
{
	add(tag, std::string(1, static_cast<char>(value)));
}

bool DiscoveryPacket::number(Poco::UInt8 tag, Poco::UInt32& value) const
{
	std::string bytes;
	if (!text(tag, bytes) || bytes.size() != 4) return false;
	value = numberAt(bytes, 0);
	return true;
}

bool DiscoveryPacket::text(Poco::UInt8 tag, std::string& value) const
{
	for (const auto& entry : _entries)
	{
		if (entry.first != tag) continue;
		value = entry.second;
		return true;
	}
	return false;
}

bool DiscoveryPacket::asksFor(Poco::UInt32 deviceType, Poco::UInt32 deviceId) const
{
	if (_type != DISCOVER_REQUEST) return false;
	for (const auto& entry : _entries)
	{
		if (entry.first == DEVICE_TYPE || entry.first == MULTI_TYPE)
		{
			const std::string& types = entry.second;
			if (types.empty() || types.size() % 4 != 0 || (entry.first == DEVICE_TYPE && types.size() != 4)) return false;
			bool named = false;
			for (std::size_t at = 0; at < types.size(); at += 4)
			{
				const Poco::UInt32 type = numberAt(types, at);
				named = named || type == deviceType || type == WILDCARD;
			}
			if (!named) return false;
		}
		else if (entry.first == DEVICE_ID)
		{
			if (entry.second.size() != 4) return false;
			const Poco::UInt32 id = numberAt(entry.second, 0);
			if (id != deviceId && id != WILDCARD) return false;
		}
	}
	return true;
}

std::string DiscoveryPacket::encode() const
{
	std::string payload;
	for (const auto& entry : _entries)
	{
		const std::size_t length = entry.second.size();
		if (length > MAX_VALUE_SIZE) throw Poco::RangeException("an HDHomeRun discovery entry is too long");
		payload += static_cast<char>(entry.first);
		if (length <= 127)
			payload += static_cast<char>(length);
		else
		{
			payload += static_cast<char>(0x80 | (length & 0x7F));
			payload += static_cast<char>(length >> 7);
		}
		payload += entry.second;
	}
	if (HEADER_SIZE + payload.size() + CRC_SIZE > MAX_SIZE) throw Poco::RangeException("an HDHomeRun discovery frame is too long");
	std::string frame;
	frame += static_cast<char>(_type >> 8);
	frame += static_cast<char>(_type);
	frame += static_cast<char>(payload.size() >> 8);
	frame += static_cast<char>(payload.size());
	frame += payload;
	const Poco::UInt32 sum = crc(frame);
	for (int shift = 0; shift < 32; shift += 8) frame += static_cast<char>(sum >> shift);
	return frame;
}

bool DiscoveryPacket::decode(const std::string& bytes, DiscoveryPacket& packet)
{
	if (bytes.size() < HEADER_SIZE + CRC_SIZE || bytes.size() > MAX_SIZE) return false;
	const std::size_t length = static_cast<std::size_t>(byteAt(bytes, 2)) << 8 | byteAt(bytes, 3);
	if (HEADER_SIZE + length + CRC_SIZE != bytes.size()) return false;
	const std::size_t end = HEADER_SIZE + length;
	Poco::UInt32 sent = 0;
	for (int i = 3; i >= 0; --i) sent = sent << 8 | byteAt(bytes, end + static_cast<std::size_t>(i));
	if (crc(bytes.substr(0, end)) != sent) return false;

	DiscoveryPacket read(static_cast<Poco::UInt16>(byteAt(bytes, 0) << 8 | byteAt(bytes, 1)));
	std::size_t at = HEADER_SIZE;
	while (at < end)
	{
		if (end - at < 2) return false;
		const Poco::UInt8 tag = byteAt(bytes, at++);
		std::size_t valueLength = byteAt(bytes, at++);
		if (valueLength & 0x80)
		{
			if (at >= end) return false;
			valueLength = (valueLength & 0x7F) | static_cast<std::size_t>(byteAt(bytes, at++)) << 7;
		}
		if (valueLength > end - at) return false;
		read.add(tag, bytes.substr(at, valueLength));
		at += valueLength;
	}
	packet = std::move(read);
	return true;
}

Poco::UInt32 DiscoveryPacket::crc(const std::string& bytes)
{
	Poco::Checksum checksum(Poco::Checksum::TYPE_CRC32);
	checksum.update(bytes);
	return checksum.checksum();
}

} // namespace outputhdhr
