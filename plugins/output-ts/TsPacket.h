//
// TsPacket.h
//
// Reading the headers of 188-byte MPEG-TS packets.
//

#ifndef outputts_TsPacket_INCLUDED
#define outputts_TsPacket_INCLUDED

#include <cstddef>
#include <string>

namespace outputts {

class TsPacket
	/// What output-ts reads of MPEG-TS packets (ISO/IEC 13818-1 2.4.3.2):
	/// the sync byte, the PID and payload_unit_start_indicator. Stateless;
	/// any thread; nothing throws.
{
public:
	static const std::size_t SIZE = 188;
	static const int PAT_PID = 0;

	static bool synced(const std::string& bytes, std::size_t offset);
		/// True when a whole packet starting with the sync byte 0x47 is at offset.

	static int pid(const std::string& bytes, std::size_t offset);
		/// The PID of the packet at offset (which must be synced()).

	static bool unitStart(const std::string& bytes, std::size_t offset);
		/// The payload_unit_start_indicator of the packet at offset (which must be synced()).

	static std::size_t findUnitStart(const std::string& bytes, int pid);
		/// The offset of the first packet of pid that starts a section or
		/// PES, scanning packet by packet from 0; std::string::npos when none
		/// (or when the bytes lose sync first).
};

} // namespace outputts

#endif // outputts_TsPacket_INCLUDED
