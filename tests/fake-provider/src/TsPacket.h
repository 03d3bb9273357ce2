//
// TsPacket.h
//
// Library: fakeprovider
//
// A view of one MPEG-TS packet.
//


#ifndef FakeProvider_TsPacket_INCLUDED
#define FakeProvider_TsPacket_INCLUDED


#include "Poco/Types.h"
#include <cstddef>
#include <cstdint>


namespace fakeprovider {


class TsPacket
	/// Reads the fields of one 188-byte transport stream packet (ISO/IEC 13818-1, 2.4.3.2 and
	/// 2.4.3.4) that the HLS segmenter and the oversized-PES fault need. Does not own the bytes,
	/// which must stay valid while it is used. Not thread-safe.
{
public:
	static constexpr std::size_t SIZE = 188;
	static constexpr std::uint8_t SYNC_BYTE = 0x47;

	explicit TsPacket(const char* pData);
		/// pData points to SIZE bytes.

	int pid() const;
	bool payloadStart() const;
		/// payload_unit_start_indicator: a PES packet or a section starts here.
	int continuity() const;
	bool randomAccess() const;
		/// The adaptation field's random_access_indicator (the muxer sets it on video keyframes).
	bool hasPcr() const;
	const char* pcr() const;
		/// The 6 bytes of the PCR field; valid only if hasPcr().
	bool pesPts(Poco::Int64& pts) const;
		/// For a packet where a PES starts: sets pts from its header and returns true if it has one.
	const char* pesPtsField() const;
		/// The 5 bytes of that PTS, or nullptr.

private:
	std::size_t adaptationLength() const;
		/// Bytes of the adaptation field including its length byte; 0 without one.
	const std::uint8_t* payload() const;
		/// Start of the payload, or nullptr without one.

	const std::uint8_t* _pData;
};


} // namespace fakeprovider


#endif // FakeProvider_TsPacket_INCLUDED
