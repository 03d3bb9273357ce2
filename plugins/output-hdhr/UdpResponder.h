//
// UdpResponder.h
//
// Answers the datagrams of one UDP port from LAN senders.
//

#ifndef outputhdhr_UdpResponder_INCLUDED
#define outputhdhr_UdpResponder_INCLUDED

#include "restream/PluginContext.h"
#include "restream/RouteRequest.h"
#include <Poco/Net/DatagramSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <atomic>
#include <string>
#include <thread>

namespace outputhdhr {

class UdpResponder
	/// The socket and thread of a discovery protocol: one thread receives
	/// the datagrams of one UDP port and answers each with at most one
	/// datagram to its sender, from the same socket. A sender that is not
	/// a LAN client by the host's rule (PluginContext::onLan) gets no
	/// answer, nor does a datagram longer than MAX_DATAGRAM or one that
	/// answer() leaves unanswered. Nothing is queued: what arrives faster
	/// than it is answered waits in the kernel's socket buffer, and beyond
	/// it is dropped by the kernel.
	///
	/// The tuner's URL in an answer: answer() gets a RouteRequest standing
	/// for the datagram, on port "tuner", whose Host is the address this
	/// machine reaches the sender from (the kernel's route, read by
	/// connecting a UDP socket, which sends nothing) and the tuner port's
	/// bound number (PlaybackUrls::localUrl), so PlaybackUrls::portUrl()
	/// gives public.tunerUrl when the admin set it, else the URL a client on
	/// the sender's network reaches. The route's choice holds on a machine
	/// with several interfaces and needs no subnet rule next to the host's.
	/// While the tuner port is not served (before the host's ports start),
	/// datagrams are not answered.
	///
	/// Ownership: the context must outlive stop(). A subclass calls stop()
	/// in its destructor (the thread calls its answer()).
	/// Threads: start() and stop() from one thread.
	/// Errors: start() does not throw: a port that cannot be bound is one
	/// warning and no thread; the thread drops a datagram whose handling
	/// fails (a debug line).
{
public:
	static constexpr std::size_t MAX_DATAGRAM = 2048;

	UdpResponder(std::string protocol, restream::PluginContext& context);
		/// protocol names the responder in log lines ("SSDP").

	virtual ~UdpResponder();

	UdpResponder(const UdpResponder&) = delete;
	UdpResponder& operator=(const UdpResponder&) = delete;

	void start(Poco::UInt16 port);
		/// Binds port (open()) and starts the thread.

	void stop();
		/// Ends the thread (within a quarter of a second) and closes the
		/// socket.
		/// Does nothing when not started.

protected:
	virtual Poco::Net::DatagramSocket open(Poco::UInt16 port) = 0;
		/// A socket bound to port on every IPv4 address. Throws a
		/// Poco::Exception when it cannot be had.

	virtual std::string answer(const std::string& datagram, const restream::RouteRequest& request) = 0;
		/// The answer to datagram, empty for none. Called on the
		/// responder's thread; may throw (the datagram is then dropped).

	restream::PluginContext& context() const;

private:
	void run();
	void handle(const std::string& datagram, const Poco::Net::SocketAddress& sender);
	bool requestFor(const Poco::Net::SocketAddress& sender, restream::RouteRequest& request) const;
		/// False while the tuner port is not served.

	const std::string _protocol;
	restream::PluginContext& _context;
	Poco::Net::DatagramSocket _socket;
	std::thread _thread;
	std::atomic<bool> _stopping{false};
};

} // namespace outputhdhr

#endif // outputhdhr_UdpResponder_INCLUDED
