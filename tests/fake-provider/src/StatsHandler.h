//
// StatsHandler.h
//
// Library: fakeprovider
//
// Answers /_stats.
//


#ifndef FakeProvider_StatsHandler_INCLUDED
#define FakeProvider_StatsHandler_INCLUDED


#include "Poco/Net/HTTPRequestHandler.h"


namespace fakeprovider {


class ProviderContext;


class StatsHandler: public Poco::Net::HTTPRequestHandler
	/// GET /_stats: the counters as JSON. POST /_stats/reset: zeroes them, then answers the same.
	/// Other methods: 405.
{
public:
	StatsHandler(ProviderContext& context, bool reset);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	ProviderContext& _context;
	const bool _reset;
};


} // namespace fakeprovider


#endif // FakeProvider_StatsHandler_INCLUDED
