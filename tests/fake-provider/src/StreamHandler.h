//
// StreamHandler.h
//
// Library: fakeprovider
//
// Answers the live stream URLs.
//


#ifndef FakeProvider_StreamHandler_INCLUDED
#define FakeProvider_StreamHandler_INCLUDED


#include "Catalog.h"
#include "fakeprovider/ChannelFaults.h"
#include "fakeprovider/ProviderOptions.h"
#include "StreamClient.h"
#include "Poco/Types.h"
#include "Poco/Net/HTTPRequestHandler.h"
#include "Poco/Net/StreamSocket.h"
#include <chrono>
#include <functional>
#include <string>


namespace fakeprovider {


class ProviderContext;


class StreamHandler: public Poco::Net::HTTPRequestHandler
	/// Serves /live/U/P/ID.ts, /U/P/ID and /lb/TOKEN/ID.ts. In order: User-Agent filter (403),
	/// credentials or token (401 / 403), extension (other than .ts: 404; .m3u8 goes to
	/// HlsPlaylistHandler), channel (unknown or
	/// offline: 404), account status from the API mode (403), fault status, redirect faults (302),
	/// connection limit (403), then 200 video/mp2t with an endless stream written straight to the
	/// socket until the client goes away, the client falls too far behind, drop_after, or stop.
	/// The oversized-PES fault rewrites the stream on its way (OversizedPesFilter).
	/// Runs on a server thread for the whole life of the stream.
{
public:
	struct Target
	{
		bool balanced = false;    /// an /lb/TOKEN/ID URL
		std::string username;
		std::string password;
		std::string token;
		int channelId = 0;
		std::string extension;   /// "" or ".ts" stream; anything else is 404
	};

	static constexpr Poco::Int64 OVERSIZED_PES_BIT_RATE = 40000000;
		/// Growth of the giant PES of the oversized-PES fault when the channel has no bit rate set.

	StreamHandler(ProviderContext& context, const Target& target);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	using Clock = std::chrono::steady_clock;

	void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void refuse(Poco::Net::HTTPServerResponse& response, int status);
	void sendFile(Poco::Net::HTTPServerResponse& response, const FileChannel& file);
		/// A file channel's stream: the file, paced, then the end of the connection.
	void redirect(Poco::Net::HTTPServerResponse& response, int remaining, bool loop);
	void stream(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Catalog::Channel& channel, const ChannelFaults& faults);
	void pump(Poco::Net::StreamSocket& socket, StreamClient* pClient);
	bool sendAll(Poco::Net::StreamSocket& socket, const std::string& data, const std::function<bool()>& abort);
	static bool peerClosed(Poco::Net::StreamSocket& socket);

	ProviderContext& _context;
	const Target _target;
};


} // namespace fakeprovider


#endif // FakeProvider_StreamHandler_INCLUDED
