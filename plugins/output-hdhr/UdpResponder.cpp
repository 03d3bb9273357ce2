//
// UdpResponder.cpp
//

#include "UdpResponder.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/URI.h>
#include <vector>

namespace outputhdhr {

namespace {

const Poco::Timespan POLL_INTERVAL(0, 250000);

} // namespace

UdpResponder::UdpResponder(std::string protocol, restream::PluginContext& context):
	_protocol(std::move(protocol)),
	_context(context)
{
}

UdpResponder::~UdpResponder()
{
	stop();
}

void UdpResponder::start(Poco::UInt16 port)
{
	try
	{
		_socket = open(port);
	}
	catch (const Poco::Exception& exc)
	{
		_context.logger().warning("%s: UDP port %hu cannot be bound (%s); not answering it. Media centres still find the tuner at the address typed in",
			_protocol, port, exc.displayText());
		return;
	}
	_stopping = false;
	_thread = std::thread([this] { run(); });
	_context.logger().information("%s answers LAN clients on UDP port %hu", _protocol, port);
}

void UdpResponder::stop()
{
	if (!_thread.joinable()) return;
	_stopping = true;
	_thread.join();
	_socket.close();
}

restream::PluginContext& UdpResponder::context() const
{
	return _context;
}

void UdpResponder::run()
{
	std::vector<char> buffer(MAX_DATAGRAM + 1);
	while (!_stopping)
	{
		try
		{
			if (!_socket.poll(POLL_INTERVAL, Poco::Net::Socket::SELECT_READ)) continue;
			Poco::Net::SocketAddress sender;
			const int received = _socket.receiveFrom(buffer.data(), static_cast<int>(buffer.size()), sender);
			if (received <= 0 || static_cast<std::size_t>(received) > MAX_DATAGRAM) continue;
			handle(std::string(buffer.data(), static_cast<std::size_t>(received)), sender);
		}
		catch (const Poco::Exception& exc)
		{
			_context.logger().debug("%s: a datagram is dropped: %s", _protocol, exc.displayText());
		}
		catch (const std::exception& exc)
		{
			_context.logger().debug("%s: a datagram is dropped: %s", _protocol, std::string(exc.what()));
		}
	}
}

void UdpResponder::handle(const std::string& datagram, const Poco::Net::SocketAddress& sender)
{
	if (!_context.onLan(sender.host()))
	{
		_context.logger().debug("%s: %s is not on the LAN (http.lanNetworks); no answer", _protocol, sender.host().toString());
		return;
	}
	restream::RouteRequest request;
	if (!requestFor(sender, request)) return;
	const std::string reply = answer(datagram, request);
	if (!reply.empty()) _socket.sendTo(reply.data(), static_cast<int>(reply.size()), sender);
}

bool UdpResponder::requestFor(const Poco::Net::SocketAddress& sender, restream::RouteRequest& request) const
{
	const std::string tuner = _context.playbackUrls().localUrl("tuner");
	if (tuner.empty()) return false;
	Poco::Net::DatagramSocket route(sender.family());
	route.connect(sender);
	request.method = "GET";
	request.path = "/";
	request.port = "tuner";
	request.host = Poco::Net::SocketAddress(route.address().host(), Poco::URI(tuner).getPort()).toString();
	request.clientAddress = sender.host().toString();
	return true;
}

} // namespace outputhdhr
