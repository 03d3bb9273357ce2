//
// LoginRequest.h
//
// The credentials a client sends to POST /auth/login.
//

#ifndef restream_authjwt_LoginRequest_INCLUDED
#define restream_authjwt_LoginRequest_INCLUDED

#include <Poco/Net/HTTPResponse.h>
#include <cstddef>
#include <string>

namespace Poco {
namespace Net {
class HTTPServerRequest;
}
} // namespace Poco

namespace restream {
namespace authjwt {

class LoginRequest
	/// A username and password read from a request body: JSON
	/// {"username": ..., "password": ...}, or the fields username and
	/// password of an application/x-www-form-urlencoded form (the OAuth2
	/// password form) unless the body opens a JSON object (curl -d labels JSON
	/// as a form). Any other content type is read as JSON.
	/// A value; reading it consumes the request's body.
{
public:
	explicit LoginRequest(Poco::Net::HTTPServerRequest& request);
		/// Reads request's body, which may be MAX_BODY bytes long; a longer
		/// one is read and dropped up to MAX_DRAINED bytes, so that the client
		/// sees the answer rather than a reset connection. Bad input is no
		/// exception (see status()); errors of the network stream propagate.

	Poco::Net::HTTPResponse::HTTPStatus status() const;
		/// HTTP_OK when both fields were read as strings, else
		/// HTTP_REQUEST_ENTITY_TOO_LARGE or HTTP_BAD_REQUEST.

	const std::string& problem() const;
		/// Why, when status() is not HTTP_OK: one sentence for the client.

	const std::string& username() const;
	const std::string& password() const;

	static constexpr std::size_t MAX_BODY = 16 * 1024;
	static constexpr std::size_t MAX_DRAINED = 1024 * 1024;

private:
	bool readBody(Poco::Net::HTTPServerRequest& request, std::string& body);
	void parseJson(const std::string& body);
	void parseForm(const std::string& body);
	void fail(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& problem);

	Poco::Net::HTTPResponse::HTTPStatus _status = Poco::Net::HTTPResponse::HTTP_OK;
	std::string _problem;
	std::string _username;
	std::string _password;
};

inline Poco::Net::HTTPResponse::HTTPStatus LoginRequest::status() const
{
	return _status;
}

inline const std::string& LoginRequest::problem() const
{
	return _problem;
}

inline const std::string& LoginRequest::username() const
{
	return _username;
}

inline const std::string& LoginRequest::password() const
{
	return _password;
}

} // namespace authjwt
} // namespace restream

#endif // restream_authjwt_LoginRequest_INCLUDED
