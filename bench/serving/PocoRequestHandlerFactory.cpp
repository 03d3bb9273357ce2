//
// PocoRequestHandlerFactory.cpp
//

#include "PocoRequestHandlerFactory.h"
#include "PocoRequestHandler.h"

namespace restream::bench {

PocoRequestHandlerFactory::PocoRequestHandlerFactory(const ServedContent& content):
	_content(content)
{
}

Poco::Net::HTTPRequestHandler* PocoRequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
	return new PocoRequestHandler(_content);
}

} // namespace restream::bench
