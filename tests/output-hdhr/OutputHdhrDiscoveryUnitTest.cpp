//
// OutputHdhrDiscoveryUnitTest.cpp
//
// output-hdhr's LAN discovery without a host or a socket: HDHomeRun
// discovery frames (DiscoveryPacket) against frames written here byte by
// byte with a CRC-32 of the test's own, malformed frames, and SSDP searches
// and answers (SsdpSearch).
//

#include "DeviceModel.h"
#include "DiscoveryPacket.h"
#include "SsdpSearch.h"
#include <Poco/Exception.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Random.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <sstream>

using namespace outputhdhr;

namespace {

std::string bytes(std::initializer_list<int> values)
{
	std::string text;
	for (int value : values) text += static_cast<char>(value);
	return text;
}

Poco::UInt32 referenceCrc(const std::string& data)
	/// The Ethernet CRC-32, bit by bit (reflected polynomial 0xEDB88320), as
	/// libhdhomerun's hdhomerun_pkt_calc_crc computes it: independent of
	/// Poco::Checksum, which the plugin uses.
{
	Poco::UInt32 crc = 0xFFFFFFFF;
	for (char c : data)
	{
		crc ^= static_cast<Poco::UInt8>(c);
		for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
	}
	return crc ^ 0xFFFFFFFF;
}

std::string sealed(const std::string& frame)
	/// frame with its CRC appended, little-endian.
{
	const Poco::UInt32 crc = referenceCrc(frame);
	return frame + bytes({static_cast<int>(crc & 0xFF), static_cast<int>(crc >> 8 & 0xFF), static_cast<int>(crc >> 16 & 0xFF),
					   static_cast<int>(crc >> 24)});
}

std::string request(const std::string& payload)
	/// A discover request frame around payload, sealed.
{
	return sealed(bytes({0x00, 0x02, static_cast<int>(payload.size() >> 8), static_cast<int>(payload.size() & 0xFF)}) + payload);
}

const std::string ANY_TUNER = bytes({0x01, 0x04, 0x00, 0x00, 0x00, 0x01, 0x02, 0x04, 0xFF, 0xFF, 0xFF, 0xFF});
	/// DEVICE_TYPE tuner, DEVICE_ID wildcard: what Jellyfin sends.

const Poco::UInt32 OUR_ID = 0x1013FADA;

bool asks(const std::string& frame, Poco::UInt32 deviceId = OUR_ID)
{
	DiscoveryPacket packet;
	return DiscoveryPacket::decode(frame, packet) && packet.asksFor(DiscoveryPacket::TUNER, deviceId);
}

Poco::Net::HTTPResponse parseResponse(const std::string& text)
{
	Poco::Net::HTTPResponse response;
	std::istringstream in(text);
	response.read(in);
	return response;
}

} // namespace

class OutputHdhrDiscoveryUnitTest : public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutputHdhrDiscoveryUnitTest);
	CPPUNIT_TEST(testReferenceRequest);
	CPPUNIT_TEST(testWhoIsAsked);
	CPPUNIT_TEST(testReplyLayout);
	CPPUNIT_TEST(testRoundTrip);
	CPPUNIT_TEST(testMalformedFramesRefused);
	CPPUNIT_TEST(testRandomBytesRefused);
	CPPUNIT_TEST(testTooLongToEncode);
	CPPUNIT_TEST(testSsdpSearchRead);
	CPPUNIT_TEST(testSsdpAnswers);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReferenceRequest()
	{
		// libhdhomerun's request for any tuner, with its CRC computed outside this code base (Python's zlib.crc32)
		const std::string frame = bytes({0x00, 0x02, 0x00, 0x0C, 0x01, 0x04, 0x00, 0x00, 0x00, 0x01, 0x02, 0x04, 0xFF, 0xFF, 0xFF, 0xFF,
			0x4E, 0x50, 0x7F, 0x35});
		CPPUNIT_ASSERT(frame == request(ANY_TUNER));
		DiscoveryPacket packet;
		CPPUNIT_ASSERT(DiscoveryPacket::decode(frame, packet));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(DiscoveryPacket::DISCOVER_REQUEST), packet.type());
		Poco::UInt32 value = 0;
		CPPUNIT_ASSERT(packet.number(DiscoveryPacket::DEVICE_TYPE, value));
		CPPUNIT_ASSERT_EQUAL(DiscoveryPacket::TUNER, value);
		CPPUNIT_ASSERT(packet.number(DiscoveryPacket::DEVICE_ID, value));
		CPPUNIT_ASSERT_EQUAL(DiscoveryPacket::WILDCARD, value);
		CPPUNIT_ASSERT(packet.asksFor(DiscoveryPacket::TUNER, OUR_ID));
		// and what our codec writes for the same request is the same bytes
		DiscoveryPacket ours;
		ours.addNumber(DiscoveryPacket::DEVICE_TYPE, DiscoveryPacket::TUNER);
		ours.addNumber(DiscoveryPacket::DEVICE_ID, DiscoveryPacket::WILDCARD);
		CPPUNIT_ASSERT(ours.encode() == frame);
	}

	void testWhoIsAsked()
	{
		const std::string tuner = bytes({0x01, 0x04, 0x00, 0x00, 0x00, 0x01});
		const std::string storage = bytes({0x01, 0x04, 0x00, 0x00, 0x00, 0x05});
		const std::string anyType = bytes({0x01, 0x04, 0xFF, 0xFF, 0xFF, 0xFF});
		const std::string ourId = bytes({0x02, 0x04, 0x10, 0x13, 0xFA, 0xDA});
		const std::string otherId = bytes({0x02, 0x04, 0x10, 0x13, 0xFA, 0xD1});
		CPPUNIT_ASSERT(asks(request(tuner + ourId)));
		CPPUNIT_ASSERT(asks(request(anyType + ourId)));
		CPPUNIT_ASSERT(asks(request(tuner))); // libhdhomerun leaves the id out for any device
		CPPUNIT_ASSERT(asks(request(""))); // nothing named: any device
		CPPUNIT_ASSERT(!asks(request(tuner + otherId)));
		CPPUNIT_ASSERT(!asks(request(storage + ourId)));
		// MULTI_TYPE: a list of device types, one of which must be ours
		CPPUNIT_ASSERT(asks(request(bytes({0x2D, 0x08, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x01}))));
		CPPUNIT_ASSERT(!asks(request(bytes({0x2D, 0x04, 0x00, 0x00, 0x00, 0x05}))));
		CPPUNIT_ASSERT(!asks(request(bytes({0x2D, 0x05, 0x00, 0x00, 0x00, 0x01, 0x00}))));
		// entries of the wrong length match nothing; unknown tags are skipped
		CPPUNIT_ASSERT(!asks(request(bytes({0x01, 0x03, 0x00, 0x00, 0x01}))));
		CPPUNIT_ASSERT(!asks(request(tuner + bytes({0x02, 0x02, 0xFF, 0xFF}))));
		CPPUNIT_ASSERT(asks(request(bytes({0x7E, 0x02, 'h', 'i'}) + tuner)));
		// a reply, or a control request, is not a discover request
		CPPUNIT_ASSERT(!asks(sealed(bytes({0x00, 0x03, 0x00, 0x06}) + tuner)));
		CPPUNIT_ASSERT(!asks(sealed(bytes({0x00, 0x04, 0x00, 0x06}) + tuner)));
	}

	void testReplyLayout()
	{
		const std::string frame = DiscoveryPacket::reply(OUR_ID, 3, "0123456789abcdef01234567", "http://192.168.1.5:5004",
			"http://192.168.1.5:5004/lineup.json")
									  .encode();
		// read by hand, as libhdhomerun does
		CPPUNIT_ASSERT(frame.size() > 8);
		CPPUNIT_ASSERT(frame.substr(0, 2) == bytes({0x00, 0x03}));
		const std::size_t length = static_cast<Poco::UInt8>(frame[2]) << 8 | static_cast<Poco::UInt8>(frame[3]);
		CPPUNIT_ASSERT_EQUAL(frame.size(), 4 + length + 4);
		const Poco::UInt32 crc = referenceCrc(frame.substr(0, 4 + length));
		CPPUNIT_ASSERT(frame.substr(4 + length) == bytes({static_cast<int>(crc & 0xFF), static_cast<int>(crc >> 8 & 0xFF),
														 static_cast<int>(crc >> 16 & 0xFF), static_cast<int>(crc >> 24)}));
		const std::string expected = bytes({0x01, 0x04, 0x00, 0x00, 0x00, 0x01, 0x02, 0x04, 0x10, 0x13, 0xFA, 0xDA, 0x10, 0x01, 0x03}) +
			bytes({0x2B, 24}) + "0123456789abcdef01234567" + bytes({0x2A, 23}) + "http://192.168.1.5:5004" + bytes({0x27, 35}) +
			"http://192.168.1.5:5004/lineup.json";
		CPPUNIT_ASSERT(frame.substr(4, length) == expected);
		// a tuner count beyond a byte says 255
		DiscoveryPacket many;
		CPPUNIT_ASSERT(DiscoveryPacket::decode(DiscoveryPacket::reply(OUR_ID, 1000, "a", "b", "c").encode(), many));
		std::string count;
		CPPUNIT_ASSERT(many.text(DiscoveryPacket::TUNER_COUNT, count));
		CPPUNIT_ASSERT(count == bytes({0xFF}));
	}

	void testRoundTrip()
	{
		DiscoveryPacket packet(DiscoveryPacket::DISCOVER_REPLY);
		packet.addNumber(DiscoveryPacket::DEVICE_ID, OUR_ID);
		packet.add(DiscoveryPacket::BASE_URL, "http://[fd00::5]:5004");
		packet.add(0x7E, "");
		packet.add(DiscoveryPacket::LINEUP_URL, std::string(300, 'x')); // a two-byte length
		packet.addByte(DiscoveryPacket::TUNER_COUNT, 4);
		const std::string frame = packet.encode();
		CPPUNIT_ASSERT(frame.find(bytes({0x27, 0x80 | (300 & 0x7F), 300 >> 7})) != std::string::npos);
		DiscoveryPacket read(0);
		CPPUNIT_ASSERT(DiscoveryPacket::decode(frame, read));
		CPPUNIT_ASSERT_EQUAL(packet.type(), read.type());
		CPPUNIT_ASSERT(packet.entries() == read.entries());
		CPPUNIT_ASSERT(read.encode() == frame);
		std::string text;
		CPPUNIT_ASSERT(!read.text(DiscoveryPacket::DEVICE_AUTH, text));
		Poco::UInt32 number = 0;
		CPPUNIT_ASSERT(!read.number(DiscoveryPacket::TUNER_COUNT, number)); // one byte, not four
	}

	void testMalformedFramesRefused()
	{
		const std::string frame = request(ANY_TUNER);
		DiscoveryPacket untouched(0x1234);
		// every truncation
		for (std::size_t size = 0; size < frame.size(); ++size)
			CPPUNIT_ASSERT_MESSAGE(std::to_string(size), !DiscoveryPacket::decode(frame.substr(0, size), untouched));
		// every flipped bit: the CRC (or the length) tells
		for (std::size_t at = 0; at < frame.size(); ++at)
		{
			for (int bit = 0; bit < 8; ++bit)
			{
				std::string damaged = frame;
				damaged[at] = static_cast<char>(damaged[at] ^ (1 << bit));
				CPPUNIT_ASSERT(!DiscoveryPacket::decode(damaged, untouched));
			}
		}
		// trailing bytes, a length that says more or less than there is
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(frame + '\0', untouched));
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(sealed(bytes({0x00, 0x02, 0x00, 0x10}) + ANY_TUNER), untouched));
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(sealed(bytes({0x00, 0x02, 0x00, 0x08}) + ANY_TUNER), untouched));
		// entries running past the payload, with a right CRC
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(request(bytes({0x01, 0x0A, 0x00, 0x00, 0x00, 0x01})), untouched));
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(request(bytes({0x01})), untouched));
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(request(bytes({0x01, 0x80})), untouched)); // a two-byte length cut
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(request(bytes({0x27, 0xFF, 0x7F, 'x'})), untouched));
		// larger than a frame may be, though well-formed
		const std::string big = request(bytes({0x27, 0x80 | (1460 & 0x7F), 1460 >> 7}) + std::string(1460, 'x'));
		CPPUNIT_ASSERT(!DiscoveryPacket::decode(big, untouched));
		CPPUNIT_ASSERT_EQUAL(Poco::UInt16(0x1234), untouched.type());
		CPPUNIT_ASSERT(untouched.entries().empty());
	}

	void testRandomBytesRefused()
	{
		Poco::Random random;
		random.seed(20261205);
		int decoded = 0;
		for (int round = 0; round < 20000; ++round)
		{
			std::string noise(random.next(1600), '\0');
			for (char& c : noise) c = static_cast<char>(random.nextChar());
			if (round % 2 == 0 && noise.size() >= 8) // a plausible header, to reach the CRC check and beyond
			{
				const std::size_t length = noise.size() - 8;
				noise = sealed(bytes({0x00, 0x02, static_cast<int>(length >> 8), static_cast<int>(length & 0xFF)}) + noise.substr(4, length));
			}
			DiscoveryPacket packet;
			if (DiscoveryPacket::decode(noise, packet)) ++decoded;
		}
		// sealed noise decodes when its entries happen to fit; the point is that nothing crashed
		CPPUNIT_ASSERT(decoded < 20000);
	}

	void testTooLongToEncode()
	{
		DiscoveryPacket packet(DiscoveryPacket::DISCOVER_REPLY);
		packet.add(DiscoveryPacket::BASE_URL, std::string(1450, 'x')); // a header, a tag, a two-byte length and a CRC: 11 bytes
		CPPUNIT_ASSERT_THROW(packet.encode(), Poco::RangeException);
		DiscoveryPacket fits(DiscoveryPacket::DISCOVER_REPLY);
		fits.add(DiscoveryPacket::BASE_URL, std::string(1449, 'x'));
		CPPUNIT_ASSERT_EQUAL(DiscoveryPacket::MAX_SIZE, fits.encode().size());
	}

	void testSsdpSearchRead()
	{
		std::string target;
		CPPUNIT_ASSERT(SsdpSearch::read("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\n"
										"ST: upnp:rootdevice\r\n\r\n",
			target));
		CPPUNIT_ASSERT_EQUAL(std::string("upnp:rootdevice"), target);
		CPPUNIT_ASSERT(SsdpSearch::read("M-SEARCH * HTTP/1.1\r\nman: ssdp:discover\r\nst:  ssdp:all \r\n\r\n", target));
		CPPUNIT_ASSERT_EQUAL(std::string("ssdp:all"), target);
		for (const char* refused : {
				 "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n\r\n",
				 "HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\n\r\n",
				 "M-SEARCH * HTTP/1.1\r\nST: upnp:rootdevice\r\n\r\n", // no MAN
				 "M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\n\r\n", // no ST
				 "M-SEARCH /x HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\n\r\n",
				 "", "\r\n\r\n", "M-SEARCH", "\x01\x02\x03\xFF"})
			CPPUNIT_ASSERT_MESSAGE(refused, !SsdpSearch::read(refused, target));
		CPPUNIT_ASSERT(!SsdpSearch::read("M-SEARCH * HTTP/1.1\r\n" + std::string(4000, 'A') + "\r\n\r\n", target));
	}

	void testSsdpAnswers()
	{
		const std::string uuid = "0b9a8e54-1d6c-4f5e-9a61-2f4c7d0e1a2b";
		const std::string location = "http://192.168.1.5:5004/device.xml";
		const std::map<std::string, std::pair<std::string, std::string>> answered = {
			{"ssdp:all", {"upnp:rootdevice", "uuid:" + uuid + "::upnp:rootdevice"}},
			{"upnp:rootdevice", {"upnp:rootdevice", "uuid:" + uuid + "::upnp:rootdevice"}},
			{"uuid:" + uuid, {"uuid:" + uuid, "uuid:" + uuid}},
			{DeviceModel::UPNP_DEVICE_TYPE, {DeviceModel::UPNP_DEVICE_TYPE, "uuid:" + uuid + "::" + DeviceModel::UPNP_DEVICE_TYPE}},
		};
		for (const auto& search : answered)
		{
			const std::string text = SsdpSearch::respond(search.first, uuid, location);
			CPPUNIT_ASSERT_MESSAGE(search.first, text.size() > 4 && text.compare(text.size() - 4, 4, "\r\n\r\n") == 0);
			const Poco::Net::HTTPResponse response = parseResponse(text);
			CPPUNIT_ASSERT_EQUAL(Poco::Net::HTTPResponse::HTTP_OK, response.getStatus());
			CPPUNIT_ASSERT_EQUAL(std::string("max-age=1800"), response.get("CACHE-CONTROL"));
			CPPUNIT_ASSERT(response.has("EXT"));
			CPPUNIT_ASSERT(response.has("DATE"));
			CPPUNIT_ASSERT(response.get("SERVER").find(" UPnP/1.0 ") != std::string::npos);
			CPPUNIT_ASSERT_EQUAL(location, response.get("LOCATION"));
			CPPUNIT_ASSERT_EQUAL(search.second.first, response.get("ST"));
			CPPUNIT_ASSERT_EQUAL(search.second.second, response.get("USN"));
		}
		for (const char* other : {"urn:schemas-upnp-org:device:MediaRenderer:1", "uuid:00000000-0000-0000-0000-000000000000",
				 "urn:dial-multiscreen-org:service:dial:1", "ssdp:ALL", ""})
			CPPUNIT_ASSERT_MESSAGE(other, SsdpSearch::respond(other, uuid, location).empty());
	}
};

CPPUNIT_TEST_SUITE_REGISTRATION(OutputHdhrDiscoveryUnitTest);
