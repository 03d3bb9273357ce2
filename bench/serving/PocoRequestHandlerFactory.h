//
// PocoRequestHandlerFactory.h
//

#ifndef restream_bench_PocoRequestHandlerFactory_INCLUDED
#define restream_bench_PocoRequestHandlerFactory_INCLUDED

#include "ServedContent.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace restream::bench {

class PocoRequestHandlerFactory: public Poco::Net::HTTPRequestHandlerFactory
	/// A PocoRequestHandler for every request. Called by any pool thread; holds no state of its own.
{
public:
	explicit PocoRequestHandlerFactory(const ServedContent& content);
		/// content must outlive the factory (the HTTPServer owns the factory).

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
	const ServedContent& _content;
};

} // namespace restream::bench

#endif // restream_bench_PocoRequestHandlerFactory_INCLUDED
