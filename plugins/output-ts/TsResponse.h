//
// TsResponse.h
//
// How output-ts answers: the stream's headers and its refusals.
//

#ifndef outputts_TsResponse_INCLUDED
#define outputts_TsResponse_INCLUDED

#include "restream/ChannelException.h"
#include "restream/RouteResponse.h"
#include <string>

namespace outputts {

class TsResponse
	/// The answers of the tuner routes. Streams are 200 video/mp2t without
	/// Content-Length (the host closes the connection at the end),
	/// Cache-Control: no-store. Refusals are the API's JSON shape {"detail",
	/// "error_code"}; a 503 carries Retry-After. Stateless; any thread.
{
public:
	static const std::string MEDIA_TYPE;  /// video/mp2t
	static const std::string RETRY_AFTER; /// seconds a media centre waits before it asks again

	static bool startStream(restream::RouteResponse& response);
		/// Sends the stream's status and headers; false when the client has gone.

	static void sendHeadersOnly(restream::RouteResponse& response);
		/// The stream's headers and no body (a HEAD).

	static void sendRefusal(restream::RouteResponse& response, const restream::ChannelException& refusal);
		/// The host's refusal to run a channel: its status (409, a full
		/// account, answers 503: unavailable for now) and its sentence.

	static void sendUnavailable(restream::RouteResponse& response, const std::string& detail, const std::string& errorCode);
		/// 503 with Retry-After: the channel did not become playable.

	static void sendNotFound(restream::RouteResponse& response, const std::string& detail);
		/// 404 {"detail": detail}.
};

} // namespace outputts

#endif // outputts_TsResponse_INCLUDED
