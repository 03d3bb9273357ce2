//
// PlayerApiHandler.h
//
// Library: fakeprovider
//
// Answers /player_api.php like an Xtream Codes panel.
//


#ifndef FakeProvider_PlayerApiHandler_INCLUDED
#define FakeProvider_PlayerApiHandler_INCLUDED


#include "fakeprovider/ApiMode.h"
#include "Poco/Net/HTMLForm.h"
#include "Poco/Net/HTTPRequestHandler.h"
#include <string>


namespace fakeprovider {


class ProviderContext;


class PlayerApiHandler: public Poco::Net::HTTPRequestHandler
	/// player_api.php with username and password (query string, or a url-encoded POST body):
	///   no action, action=get_account_info  {"user_info": {...}, "server_info": {...}}
	///   action=get_live_categories          [{"category_id": "1", "category_name": ..., "parent_id": 0}]
	///   action=get_live_streams[&category_id=X]  [{"num": 1, "name": ..., "stream_id": 101, ...}]
	///   any other action                    []
	/// Wrong credentials: 200 {"user_info":{"auth":0}}. The API mode and the User-Agent filter
	/// (403) apply first. Runs on a server thread.
{
public:
	explicit PlayerApiHandler(ProviderContext& context);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	std::string accountInfo(ApiMode mode) const;
	std::string categories(ApiMode mode) const;
	std::string streams(ApiMode mode, const Poco::Net::HTMLForm& form) const;

	ProviderContext& _context;
};


} // namespace fakeprovider


#endif // FakeProvider_PlayerApiHandler_INCLUDED
