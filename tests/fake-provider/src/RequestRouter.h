//
// RequestRouter.h
//
// Library: fakeprovider
//
// The HTTP request handler factory of the fake provider.
//


#ifndef FakeProvider_RequestRouter_INCLUDED
#define FakeProvider_RequestRouter_INCLUDED


#include "Poco/Net/HTTPRequestHandlerFactory.h"


namespace fakeprovider {


class ProviderContext;


class RequestRouter: public Poco::Net::HTTPRequestHandlerFactory
	/// Maps request paths to handlers:
	///   /player_api.php                               PlayerApiHandler
	///   /xmltv.php                                    XmltvHandler
	///   /live/U/P/ID.m3u8, /U/P/ID.m3u8               HlsPlaylistHandler
	///   /live/U/P/ID[.ext], /U/P/ID[.ext], /lb/T/ID.ts StreamHandler
	///   /hls/TOKEN/N.ts                               HlsSegmentHandler
	///   /logos/ID.png                                 the channel's logo (ProviderOptions::logoBodies)
	///   /_stats[/reset]                               StatsHandler
	///   /_control[/reset]                             ControlHandler
	///   anything else                                 404
	/// Called from the server's threads; references the context, which must outlive the server.
{
public:
	explicit RequestRouter(ProviderContext& context);

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	ProviderContext& _context;
};


} // namespace fakeprovider


#endif // FakeProvider_RequestRouter_INCLUDED
