//
// RequestFields.h
//

#ifndef restream_host_RequestFields_INCLUDED
#define restream_host_RequestFields_INCLUDED

#include "restream/RouteRequest.h"
#include "restream/RouteResponse.h"
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/Types.h>
#include <string>

namespace restream::host {

class RequestFields
	/// The one way the API's routes read what clients send: a JSON object
	/// body, a stream id, a bounded whole number from a query. Anything out
	/// of range or of another shape is a 400 with a sentence, never a 500:
	/// numbers beyond 2^53, 2^63, 2^64, negative, fractional, in exponent
	/// form, with leading zeros or non-ASCII digits are all refused.
	/// Stateless; any thread.
{
public:
	static const Poco::Int64 MAX_STREAM_ID = 9007199254740991LL; /// 2^53 - 1: exact in every JSON parser

	static bool object(const RouteRequest& request, RouteResponse& response, Poco::JSON::Object::Ptr& body);
		/// The body as a JSON object (an empty body is {}); false after
		/// answering 400 when it is not one.

	static bool streamId(const Poco::Dynamic::Var& value, Poco::Int64& streamId);
		/// True for a JSON integer from 1 to MAX_STREAM_ID.

	static bool wholeNumber(const std::string& text, Poco::Int64 minimum, Poco::Int64 maximum, Poco::Int64& value);
		/// True for 1 to 18 ASCII digits without a leading zero (but "0"),
		/// within [minimum, maximum]; no sign, blank, fraction or exponent.
};

} // namespace restream::host

#endif // restream_host_RequestFields_INCLUDED
