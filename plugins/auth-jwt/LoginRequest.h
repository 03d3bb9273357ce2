//
// LoginRequest.h
//
// The credentials a client sends to POST /auth/login.
//

#ifndef authjwt_LoginRequest_INCLUDED
#define authjwt_LoginRequest_INCLUDED

#include "restream/RouteRequest.h"
#include <string>

namespace authjwt {

class LoginRequest
	/// A username and password read from a request body: JSON
	/// {"username": ..., "password": ...}, or the fields username and
	/// password of an application/x-www-form-urlencoded form (the OAuth2
	/// password form) unless the body opens a JSON object (curl -d labels JSON
	/// as a form). Any other content type is read as JSON.
	/// A value; the host has read and bounded the body already.
{
public:
	explicit LoginRequest(const restream::RouteRequest& request);
		/// Reads request's body. Bad input is no exception: see valid().

	bool valid() const;
		/// True when both fields were read as strings.

	const std::string& problem() const;
		/// Why not, when not valid(): one sentence for the client.

	const std::string& username() const;
	const std::string& password() const;

private:
	void parseJson(const std::string& body);
	void parseForm(const std::string& body);

	std::string _problem;
	std::string _username;
	std::string _password;
};

inline bool LoginRequest::valid() const
{
	return _problem.empty();
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

#endif // authjwt_LoginRequest_INCLUDED
