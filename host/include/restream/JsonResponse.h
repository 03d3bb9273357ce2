//
// JsonResponse.h
//
// Sending JSON answers and {"detail": ...} errors the way the whole API does.
//

#ifndef restream_JsonResponse_INCLUDED
#define restream_JsonResponse_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <sstream>

namespace restream {

class JsonResponse
	/// Helpers for HTTP handlers. Header-only: nothing to link.
	/// Errors: the stream writes throw Poco::Net exceptions when the client
	/// has gone; let them reach the host, which logs them at debug level.
{
public:
	static void send(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
		const Poco::Dynamic::Var& body)
		/// Sends body as JSON (an Object, Array or value) with the given status.
	{
		std::ostringstream text;
		Poco::JSON::Stringifier::condense(body, text);
		const std::string payload = text.str();
		response.setStatusAndReason(status);
		response.setContentType("application/json; charset=utf-8");
		response.set("Cache-Control", "no-store");
		response.setContentLength(static_cast<std::streamsize>(payload.size()));
		response.sendBuffer(payload.data(), payload.size());
	}

	static void sendError(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status,
		const std::string& detail)
		/// Sends {"detail": detail}. detail is one sentence for a human; it
		/// must not carry credentials.
	{
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("detail", detail);
		send(response, status, body);
	}
};

} // namespace restream

#endif // restream_JsonResponse_INCLUDED
