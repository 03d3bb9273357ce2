//
// HlsPlaylistHandler.h
//
// Library: fakeprovider
//
// Answers the .m3u8 URLs of the live channels.
//


#ifndef FakeProvider_HlsPlaylistHandler_INCLUDED
#define FakeProvider_HlsPlaylistHandler_INCLUDED


#include "StreamHandler.h"
#include "Poco/Net/HTTPRequestHandler.h"


namespace fakeprovider {


class ProviderContext;


class HlsPlaylistHandler: public Poco::Net::HTTPRequestHandler
	/// Serves /live/U/P/ID.m3u8 (and /U/P/ID.m3u8). In order: other methods 405, the User-Agent
	/// filter 403, credentials 401, HLS off 404, channel (unknown or offline) 404, account status
	/// from the API mode 403, fault status, then the channel's HLS viewer (HlsViewers): a new one
	/// needs a connection slot (else 403). The first playlist of a new viewer waits for its first
	/// segment (at most FIRST_SEGMENT_TIMEOUT, else 503). Then 200
	/// application/vnd.apple.mpegurl: a live media playlist (no EXT-X-ENDLIST), frozen while the
	/// channel's hlsLoop fault is on. Runs on a server thread.
{
public:
	static const std::chrono::milliseconds FIRST_SEGMENT_TIMEOUT;

	HlsPlaylistHandler(ProviderContext& context, const StreamHandler::Target& target);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void refuse(Poco::Net::HTTPServerResponse& response, int status);

	ProviderContext& _context;
	const StreamHandler::Target _target;
};


} // namespace fakeprovider


#endif // FakeProvider_HlsPlaylistHandler_INCLUDED
