//
// PocoRequestHandler.h
//

#ifndef restream_bench_PocoRequestHandler_INCLUDED
#define restream_bench_PocoRequestHandler_INCLUDED

#include "ServedContent.h"
#include <Poco/Net/HTTPRequestHandler.h>

namespace restream::bench {

class PocoRequestHandler: public Poco::Net::HTTPRequestHandler
	/// Answers one request of the Poco baseline from the ServedContent: GET and HEAD, 404, 405.
	/// Runs on the pool thread that holds the connection.
{
public:
	explicit PocoRequestHandler(const ServedContent& content);
		/// content must outlive the handler.

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	const ServedContent& _content;
};

} // namespace restream::bench

#endif // restream_bench_PocoRequestHandler_INCLUDED
