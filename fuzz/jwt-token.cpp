//
// jwt-token.cpp
//
// TokenService::verify() on any bearer token. The first line of the input
// says how the rest makes the token:
//   token            the next line is the token as the client sent it;
//   signed           the next lines are the header and payload JSON of a token
//                    signed with the server's secret (Poco::JWT::Signer), so
//                    that the claim checks are reached; "$NOW" in them stands
//                    for the current time in seconds;
//   issue            the next line is a subject: the token issue() gives for it
//                    (or its refusal, for a subject that is not UTF-8).
// Contract: verify() never throws; an authenticated identity has the
// token's sub and a reason only otherwise, which never quotes the secret or
// the signature of a token signed with it; a token issue() made verifies
// with its subject.
//

#include "FuzzInput.h"
#include "TokenService.h"
#include <Poco/JSON/Parser.h>
#include <Poco/JWT/Token.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

using authjwt::TokenService;

namespace {

const std::string SECRET = "k3Jq9vX2mP7wR4tY8nB1cF6hL0sD5gZa";
const std::string ISSUER = "restream";

const TokenService& service()
{
	static const TokenService service(SECRET, ISSUER, Poco::Timespan(3600, 0));
	return service;
}

bool readObject(std::string json, Poco::JSON::Object& object)
	/// Fills object from json when it is a JSON object.
{
	Poco::replaceInPlace(json, std::string("$NOW"), std::to_string(Poco::Timestamp().epochTime()));
	try
	{
		const Poco::Dynamic::Var root = Poco::JSON::Parser().parse(json);
		if (root.type() != typeid(Poco::JSON::Object::Ptr)) return false;
		for (const auto& member : *root.extract<Poco::JSON::Object::Ptr>()) object.set(member.first, member.second);
		return true;
	}
	catch (const Poco::Exception&)
	{
		return false;
	}
}

restream::Identity verify(const std::string& token, bool signedHere)
{
	const restream::Identity identity = service().verify(token);
	FUZZ_CHECK(identity.authenticated == identity.reason.empty());
	FUZZ_CHECK(identity.authenticated != identity.subject.empty());
	FUZZ_CHECK(identity.reason.find(SECRET) == std::string::npos);
	// the signature of a token signed here is the credential (a raw token's text is the fuzzer's, and may be
	// a word of a reason)
	const std::size_t lastDot = token.rfind('.');
	if (signedHere && lastDot != std::string::npos)
		FUZZ_CHECK(identity.reason.find(token.substr(lastDot + 1)) == std::string::npos);
	return identity;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::vector<std::string> lines = restreamfuzz::lines(restreamfuzz::text(data, size));
	const std::string& mode = lines[0];
	if (mode == "token" && lines.size() >= 2)
	{
		verify(lines[1], false);
	}
	else if (mode == "signed" && lines.size() >= 3)
	{
		Poco::JWT::Token token;
		if (!readObject(lines[1], token.header()) || !readObject(lines[2], token.payload())) return 0;
		const Poco::JWT::Signer signer(SECRET);
		const restream::Identity identity = verify(signer.sign(token, Poco::JWT::Signer::ALGO_HS256), true);
		if (identity.authenticated)
		{
			FUZZ_CHECK(token.getSubject() == identity.subject);
			FUZZ_CHECK(token.getIssuer() == ISSUER);
		}
	}
	else if (mode == "issue" && lines.size() >= 2 && !lines[1].empty())
	{
		std::string token;
		try
		{
			token = service().issue(lines[1]);
		}
		catch (const Poco::InvalidArgumentException&)
		{
			FUZZ_CHECK(!TokenService::isClaimText(lines[1]));
			return 0;
		}
		const restream::Identity identity = verify(token, true);
		FUZZ_CHECK(identity.authenticated && identity.subject == lines[1]);
	}
	return 0;
}
