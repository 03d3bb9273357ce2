//
// DeviceId.h
//
// HDHomeRun device ids: 32 bits whose last hex digit is a check digit.
//

#ifndef outputhdhr_DeviceId_INCLUDED
#define outputhdhr_DeviceId_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace outputhdhr {

class DeviceId
	/// The check digit of HDHomeRun device ids, as libhdhomerun checks it
	/// (hdhomerun_discover_validate_device_id): the eight nibbles, the odd
	/// ones (from the most significant) through a fixed substitution table,
	/// XOR to zero. Plex ignores a tuner whose id fails the check.
	/// Stateless; every function from any thread; nothing throws.
{
public:
	static bool valid(Poco::UInt32 id);
		/// True when id's check digit is right.

	static Poco::UInt32 withCheckDigit(Poco::UInt32 id);
		/// id with its lowest nibble replaced by the right check digit.

	static std::string format(Poco::UInt32 id);
		/// Eight upper-case hex digits ("1013FADA").

	static bool parse(const std::string& text, Poco::UInt32& id);
		/// Reads eight hex digits (either case); false for anything else.
};

} // namespace outputhdhr

#endif // outputhdhr_DeviceId_INCLUDED
