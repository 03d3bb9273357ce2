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
#include <cstddef>
#include <functional>
#include <ostream>
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
	/// (403) apply first. The two catalog actions are generated as they are sent (chunked, in
	/// pieces of STREAM_PIECE bytes), the other answers have a Content-Length. With the catalog
	/// drip set, every answer goes out a byte at a time. Runs on a server thread.
{
public:
	static constexpr std::size_t STREAM_PIECE = 64 * 1024;

	explicit PlayerApiHandler(ProviderContext& context);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
	using BodyWriter = std::function<void(std::ostream& out)>;

	void answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void reply(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const std::string& contentType, const std::string& body);
		/// 200 with a Content-Length.
	void send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const std::string& contentType,
		std::streamsize contentLength, const BodyWriter& writeBody);
		/// 200; chunked if contentLength < 0; dripped if the catalog drip is set.
	std::string accountInfo(ApiMode mode) const;
	void categories(ApiMode mode, std::ostream& out) const;
	void streams(ApiMode mode, const Poco::Net::HTMLForm& form, std::ostream& out) const;

	ProviderContext& _context;
};


} // namespace fakeprovider


#endif // FakeProvider_PlayerApiHandler_INCLUDED
