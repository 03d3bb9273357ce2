//
// TsProbe.h
//
// What the output-ts tests read of MPEG-TS bytes, independently of the plugin.
//

#ifndef restream_test_TsProbe_INCLUDED
#define restream_test_TsProbe_INCLUDED

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace restream {
namespace test {

struct TsProbe
	/// A parse of 188-byte packets: per packet its PID, unit start flag,
	/// continuity counter, discontinuity and random access indicators, and
	/// for PAT/PMT sections the table version. Header-only; a value type.
{
	struct Packet
	{
		int pid = 0;
		bool unitStart = false;
		bool hasPayload = false;
		int continuity = 0;
		bool discontinuity = false;
		bool randomAccess = false;
		int tableVersion = -1; /// for a section start on PID 0 or the PMT PID
	};

	std::vector<Packet> packets;
	bool aligned = true;   /// every 188 bytes a sync byte, and a whole number of packets
	int pmtPid = -1;       /// from the first PAT

	explicit TsProbe(const std::string& bytes)
	{
		aligned = bytes.size() % 188 == 0;
		for (std::size_t at = 0; at + 188 <= bytes.size(); at += 188)
		{
			const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
			if (p[0] != 0x47)
			{
				aligned = false;
				return;
			}
			Packet packet;
			packet.pid = ((p[1] & 0x1F) << 8) | p[2];
			packet.unitStart = (p[1] & 0x40) != 0;
			packet.hasPayload = (p[3] & 0x10) != 0;
			packet.continuity = p[3] & 0x0F;
			std::size_t payload = 4;
			if (p[3] & 0x20)
			{
				const int length = p[4];
				if (length > 0)
				{
					packet.discontinuity = (p[5] & 0x80) != 0;
					packet.randomAccess = (p[5] & 0x40) != 0;
				}
				payload = 5 + static_cast<std::size_t>(length);
			}
			if (packet.unitStart && packet.hasPayload && payload < 188 && (packet.pid == 0 || packet.pid == pmtPid))
			{
				const std::size_t section = payload + 1 + p[payload]; // after the pointer field
				if (section + 12 <= 188)
				{
					packet.tableVersion = (p[section + 5] >> 1) & 0x1F;
					if (packet.pid == 0 && pmtPid < 0) pmtPid = ((p[section + 10] & 0x1F) << 8) | p[section + 11];
				}
			}
			packets.push_back(packet);
		}
	}

	int continuityErrors() const
		/// Packets with a payload whose counter does not follow the previous
		/// one of their PID, unless flagged discontinuous.
	{
		std::map<int, int> last;
		int errors = 0;
		for (const Packet& packet : packets)
		{
			if (!packet.hasPayload || packet.pid == 0x1FFF) continue;
			const auto found = last.find(packet.pid);
			if (found != last.end() && !packet.discontinuity && packet.continuity != ((found->second + 1) & 0x0F)) ++errors;
			last[packet.pid] = packet.continuity;
		}
		return errors;
	}

	std::size_t count(int pid, bool unitStartsOnly) const
	{
		std::size_t n = 0;
		for (const Packet& packet : packets)
			if (packet.pid == pid && (!unitStartsOnly || packet.unitStart)) ++n;
		return n;
	}
};

} // namespace test
} // namespace restream

#endif // restream_test_TsProbe_INCLUDED
