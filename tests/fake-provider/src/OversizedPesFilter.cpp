//
// OversizedPesFilter.cpp
//
// Library: fakeprovider
//


#include "OversizedPesFilter.h"
#include "EncoderSession.h"
#include "TsPacket.h"
#include <cstring>


namespace fakeprovider {


namespace {


const std::size_t HEADER_SIZE = 4;
const std::size_t PCR_ADAPTATION_SIZE = 8; // length byte, flags, 6 bytes of PCR

// PES header (stream_id 0xE0, PES_packet_length 0: unbounded; PTS only), then an access unit
// delimiter and the head of a filler data NAL unit whose 0xFF bytes run on forever.
const std::uint8_t PES_HEAD[] = {0, 0, 1, 0xE0, 0, 0, 0x80, 0x80, 5};
const std::uint8_t PES_HEAD_NO_PTS[] = {0, 0, 1, 0xE0, 0, 0, 0x80, 0, 0};
const std::uint8_t NAL_HEAD[] = {0, 0, 0, 1, 9, 0xF0, 0, 0, 0, 1, 12};


} // namespace


std::string OversizedPesFilter::filter(const std::string& chunk, bool armed, Poco::Int64 bitRate, Clock::time_point now)
{
	std::string out;
	out.reserve(chunk.size());
	for (std::size_t offset = 0; offset + TsPacket::SIZE <= chunk.size(); offset += TsPacket::SIZE)
	{
		const char* pData = chunk.data() + offset;
		const TsPacket packet(pData);
		if (packet.pid() != EncoderSession::VIDEO_PID)
		{
			out.append(pData, TsPacket::SIZE);
			continue;
		}
		if (_injecting && !armed)
		{
			_injecting = false;
			_resuming = true;
		}
		if (_resuming && packet.payloadStart()) _resuming = false;
		if (!_injecting && armed && packet.payloadStart())
		{
			_injecting = true;
			_paced = now;
			_payloadBytes = 0;
			inject(out, true, packet.hasPcr() ? packet.pcr() : nullptr, packet.pesPtsField());
		}
		else if (_injecting)
		{
			if (packet.hasPcr()) inject(out, false, packet.pcr(), nullptr);
		}
		else if (!_resuming)
		{
			out.append(pData, TsPacket::SIZE);
			_continuity = packet.continuity();
		}
	}
	const Poco::Int64 perSecond = bitRate / 8;
	if (_injecting && perSecond > 0)
	{
		const Poco::Int64 due = perSecond * std::chrono::duration_cast<std::chrono::microseconds>(now - _paced).count() / 1000000;
		if (due - _payloadBytes > perSecond) _payloadBytes = due - perSecond; // after a pause, no more than a second at once
		while (_payloadBytes < due) inject(out, false, nullptr, nullptr);
		while (_payloadBytes >= perSecond && now - _paced >= std::chrono::seconds(1))
		{
			_paced += std::chrono::seconds(1);
			_payloadBytes -= perSecond;
		}
	}
	return out;
}


bool OversizedPesFilter::busy() const
{
	return _injecting || _resuming;
}


void OversizedPesFilter::inject(std::string& out, bool payloadStart, const char* pPcr, const char* pPts)
{
	char packet[TsPacket::SIZE];
	_continuity = (_continuity + 1) & 0x0F;
	packet[0] = static_cast<char>(TsPacket::SYNC_BYTE);
	packet[1] = static_cast<char>((payloadStart ? 0x40 : 0) | (EncoderSession::VIDEO_PID >> 8));
	packet[2] = static_cast<char>(EncoderSession::VIDEO_PID & 0xFF);
	packet[3] = static_cast<char>((pPcr ? 0x30 : 0x10) | _continuity);
	std::size_t position = HEADER_SIZE;
	if (pPcr)
	{
		packet[4] = static_cast<char>(PCR_ADAPTATION_SIZE - 1);
		packet[5] = 0x10;
		std::memcpy(packet + 6, pPcr, 6);
		position += PCR_ADAPTATION_SIZE;
	}
	const std::size_t payloadStartsAt = position;
	if (payloadStart)
	{
		const std::uint8_t* pHead = pPts ? PES_HEAD : PES_HEAD_NO_PTS;
		std::memcpy(packet + position, pHead, sizeof(PES_HEAD));
		position += sizeof(PES_HEAD);
		if (pPts)
		{
			std::memcpy(packet + position, pPts, 5);
			position += 5;
		}
		std::memcpy(packet + position, NAL_HEAD, sizeof(NAL_HEAD));
		position += sizeof(NAL_HEAD);
	}
	std::memset(packet + position, 0xFF, TsPacket::SIZE - position);
	out.append(packet, TsPacket::SIZE);
	_payloadBytes += static_cast<Poco::Int64>(TsPacket::SIZE - payloadStartsAt);
}


} // namespace fakeprovider
