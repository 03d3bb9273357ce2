//
// ErrorAnswers.h
//

#ifndef restream_host_ErrorAnswers_INCLUDED
#define restream_host_ErrorAnswers_INCLUDED

#include "restream/ChannelException.h"
#include "restream/RouteResponse.h"
#include "restream/SourceException.h"

namespace restream::host {

class Redactor;

class ErrorAnswers
	/// The API's answers to refusals and source failures:
	/// {"detail": sentence, "error_code": code} with the status they map to.
	/// Stateless; any thread.
{
public:
	static void channel(RouteResponse& response, const ChannelException& refusal);
	static void source(RouteResponse& response, const SourceException& failure, const Redactor& redactor);
		/// The sentence is redacted: a plugin's message never leaks a credential.
};

} // namespace restream::host

#endif // restream_host_ErrorAnswers_INCLUDED
