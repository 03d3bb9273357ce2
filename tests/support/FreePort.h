//
// FreePort.h
//
// A port number for a server a test starts as another process.
//

#ifndef restream_test_FreePort_INCLUDED
#define restream_test_FreePort_INCLUDED

#include <Poco/Net/ServerSocket.h>

namespace restream {
namespace test {

inline unsigned short freePort()
	/// A loopback port that was free a moment ago (the kernel's choice).
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
	return socket.address().port();
}

} // namespace test
} // namespace restream

#endif // restream_test_FreePort_INCLUDED
