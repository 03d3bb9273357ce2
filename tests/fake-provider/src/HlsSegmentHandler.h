//
// HlsSegmentHandler.h
//
// Library: fakeprovider
//
// Answers the segment URLs of the HLS viewers.
//


#ifndef FakeProvider_HlsSegmentHandler_INCLUDED
#define FakeProvider_HlsSegmentHandler_INCLUDED


#include "Poco/Net/HTTPRequestHandler.h"
#include "Poco/Types.h"
#include <string>


namespace fakeprovider {


class ProviderContext;


class HlsSegmentHandler: public Poco::Net::HTTPRequestHandler
	/// Serves /hls/TOKEN/N.ts: other methods 405, a token of no running viewer 403, a segment no
	/// longer (or not yet) kept 404, else 200 video/mp2t with a Content-Length. A request keeps the
	/// viewer alive. Runs on a server thread.
{
public:
	HlsSegmentHandler(ProviderContext& context, const std::string& token, Poco::UInt64 sequence);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	ProviderContext& _context;
	const std::string _token;
	const Poco::UInt64 _sequence;
};


} // namespace fakeprovider


#endif // FakeProvider_HlsSegmentHandler_INCLUDED
