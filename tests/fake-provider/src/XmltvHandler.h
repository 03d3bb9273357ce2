//
// XmltvHandler.h
//
// Library: fakeprovider
//
// Answers /xmltv.php like an Xtream Codes panel.
//


#ifndef FakeProvider_XmltvHandler_INCLUDED
#define FakeProvider_XmltvHandler_INCLUDED


#include "Poco/Net/HTTPRequestHandler.h"


namespace fakeprovider {


class ProviderContext;


class XmltvHandler: public Poco::Net::HTTPRequestHandler
	/// GET /xmltv.php?username=U&password=P: 200 application/xml, the XMLTV guide of
	/// GuideWriter (guideChannels, guideHours of the moment), generated as it is sent, chunked;
	/// gzip-compressed (Content-Encoding: gzip) when the request's Accept-Encoding names gzip.
	/// In order: other methods 405, the User-Agent filter 403, the slow API mode's delay,
	/// wrong credentials 401 with an empty body, an expired, disabled or banned account 403 with
	/// an empty body. The other API modes and the catalog drip do not apply. Runs on a server thread.
{
public:
	explicit XmltvHandler(ProviderContext& context);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

	ProviderContext& _context;
};


} // namespace fakeprovider


#endif // FakeProvider_XmltvHandler_INCLUDED
