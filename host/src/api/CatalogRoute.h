//
// CatalogRoute.h
//

#ifndef restream_host_CatalogRoute_INCLUDED
#define restream_host_CatalogRoute_INCLUDED

#include "catalog/Catalog.h"
#include "logging/Redactor.h"
#include "restream/ApiRoute.h"
#include <Poco/Net/HTTPResponse.h>
#include <memory>

namespace restream::host {

class CatalogRoute : public ApiRoute
	/// The catalog's routes on the API port, all protected:
	///   GET /categories       [{"category_id", "category_name", "channel_count"}]
	///   GET /channels         {"total", "channels": [{"stream_id", "name", "stream_icon", "category_id", "epg_channel_id"}]}
	///                         with ?category_id=&search=&limit=(1..1000, default 100)&offset=
	///   GET /account          {"source", "status", "expires_at", "max_connections", "active_connections", "is_trial", "message"}
	///   POST /catalog/refresh {"categories", "channels", "loaded_at"}
	/// Source failures become {"detail"} with 502 (provider), 504 (timeout),
	/// 503 (no source) or 404; bad parameters 400. Never a credential.
{
public:
	enum class Endpoint
	{
		Categories,
		Channels,
		Account,
		Refresh
	};

	CatalogRoute(Endpoint endpoint, std::shared_ptr<Catalog> catalog, const Redactor& redactor);

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string summary() const override;
	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Identity& caller) override;

	static Poco::Net::HTTPResponse::HTTPStatus statusFor(SourceException::Kind kind);
		/// The HTTP status that reports a source failure of this kind.

private:
	void categories(Poco::Net::HTTPServerResponse& response);
	void channels(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void account(Poco::Net::HTTPServerResponse& response);
	void refresh(Poco::Net::HTTPServerResponse& response);

	const Endpoint _endpoint;
	std::shared_ptr<Catalog> _catalog;
	const Redactor& _redactor;
};

} // namespace restream::host

#endif // restream_host_CatalogRoute_INCLUDED
