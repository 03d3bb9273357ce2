//
// DiscoveryPacket.h
//
// One frame of HDHomeRun's UDP discovery protocol.
//

#ifndef outputhdhr_DiscoveryPacket_INCLUDED
#define outputhdhr_DiscoveryPacket_INCLUDED

#include <Poco/Types.h>
#include <string>
#include <utility>
#include <vector>

namespace outputhdhr {

class DiscoveryPacket
	/// A frame of HDHomeRun's discovery protocol, as libhdhomerun's
	/// hdhomerun_pkt.h describes it: a type and the payload's length (16
	/// bits each, big-endian), the payload as tag-length-value entries
	/// (a tag byte; the length in one byte up to 127, else in two: its low
	/// seven bits with the high bit set, then the rest; the value), then
	/// the Ethernet CRC-32 of all that, little-endian. Entries keep their
	/// order; unknown tags are kept and ignored.
	/// A value type; any thread. Errors: only encode() throws.
{
public:
	enum Type : Poco::UInt16
	{
		DISCOVER_REQUEST = 0x0002,
		DISCOVER_REPLY = 0x0003
	};

	enum Tag : Poco::UInt8
	{
		DEVICE_TYPE = 0x01, /// four bytes
		DEVICE_ID = 0x02,   /// four bytes
		TUNER_COUNT = 0x10, /// one byte
		LINEUP_URL = 0x27,  /// text
		BASE_URL = 0x2A,    /// text
		DEVICE_AUTH = 0x2B, /// text
		MULTI_TYPE = 0x2D   /// four bytes per device type
	};

	static constexpr Poco::UInt32 TUNER = 0x00000001;
		/// The device type of a tuner.

	static constexpr Poco::UInt32 WILDCARD = 0xFFFFFFFF;
		/// Any device type, or any device id, in a request.

	static constexpr std::size_t MAX_SIZE = 1460;
		/// The largest frame libhdhomerun sends or reads (header and CRC included).

	using Entry = std::pair<Poco::UInt8, std::string>;

	explicit DiscoveryPacket(Poco::UInt16 type = DISCOVER_REQUEST);

	static DiscoveryPacket reply(Poco::UInt32 deviceId, int tunerCount, const std::string& deviceAuth, const std::string& baseUrl,
		const std::string& lineupUrl);
		/// A tuner's discover reply: DEVICE_TYPE (TUNER), DEVICE_ID,
		/// TUNER_COUNT (tunerCount within 0..255), DEVICE_AUTH, BASE_URL and
		/// LINEUP_URL, in that order, texts without a terminating NUL.

	Poco::UInt16 type() const;
	const std::vector<Entry>& entries() const;

	void add(Poco::UInt8 tag, const std::string& value);
	void addNumber(Poco::UInt8 tag, Poco::UInt32 value);
		/// value as four bytes, big-endian.
	void addByte(Poco::UInt8 tag, Poco::UInt8 value);

	bool number(Poco::UInt8 tag, Poco::UInt32& value) const;
		/// The first tag entry as a four-byte number; false when there is
		/// none or it is not four bytes long.

	bool text(Poco::UInt8 tag, std::string& value) const;
		/// The first tag entry's value; false when there is none.

	bool asksFor(Poco::UInt32 deviceType, Poco::UInt32 deviceId) const;
		/// True when this is a discover request a device of deviceType and
		/// deviceId answers: the device types it names (DEVICE_TYPE, or the
		/// list of MULTI_TYPE) include deviceType or WILDCARD, and the
		/// DEVICE_ID it names is deviceId or WILDCARD; what it does not name
		/// matches any device. An entry of the wrong length matches none.

	std::string encode() const;
		/// The frame's bytes. Throws Poco::RangeException when they would
		/// exceed MAX_SIZE (a value is then longer than a frame can carry).

	static bool decode(const std::string& bytes, DiscoveryPacket& packet);
		/// Reads one whole frame into packet; false, and packet left as it
		/// was, for anything else: fewer bytes than a header and a CRC, a
		/// length that is not the payload's, more than MAX_SIZE, a wrong
		/// CRC, an entry that runs past the payload.

private:
	static Poco::UInt32 crc(const std::string& bytes);

	Poco::UInt16 _type;
	std::vector<Entry> _entries;
};

} // namespace outputhdhr

#endif // outputhdhr_DiscoveryPacket_INCLUDED
