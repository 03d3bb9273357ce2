//
// admin-cookies.cpp
//
// Cookies on any Cookie headers: each input line is one header, in which
// "@ID@" stands for the id of a session the store holds. Contract: nothing
// throws; a session is found only when a header names its id.
//

#include "Cookies.h"
#include "FuzzInput.h"
#include <Poco/String.h>

using uiadmin::Cookies;
using uiadmin::SessionStore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	static SessionStore sessions(Poco::Timespan(3600, 0), 4);
	static const std::string id = sessions.create("admin", "api-token", Poco::Timestamp() + Poco::Timespan(3600, 0)).id;

	restream::RouteRequest request;
	request.method = "GET";
	request.path = "/";
	bool namesId = false;
	for (std::string line : restreamfuzz::lines(restreamfuzz::text(data, size)))
	{
		Poco::replaceInPlace(line, std::string("@ID@"), id);
		namesId = namesId || line.find(id) != std::string::npos;
		request.headers.add("Cookie", line);
	}

	for (const std::string& name : {Cookies::CSRF, Cookies::LANGUAGE}) Cookies::read(request, name);
	uiadmin::AdminSession session;
	if (Cookies::session(sessions, request, session, SessionStore::BACKGROUND) == SessionStore::FOUND)
		FUZZ_CHECK(namesId && session.id == id);
	return 0;
}
