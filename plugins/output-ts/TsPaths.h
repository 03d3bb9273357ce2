//
// TsPaths.h
//
// The URL scheme of output-ts, in one place.
//

#ifndef outputts_TsPaths_INCLUDED
#define outputts_TsPaths_INCLUDED

#include <Poco/Types.h>
#include <string>

namespace outputts {

class TsPaths
	/// The paths output-ts serves on the tuner port:
	///   /live.ts                 the program
	///   /stream/<streamId>.ts    a channel
	/// streamId is decimal without leading zeros, 1 to 18 digits. Parsing is
	/// strict: anything not exactly of these shapes is refused. Stateless;
	/// any thread.
{
public:
	static const std::string PROGRAM;        /// "/live.ts"
	static const std::string CHANNEL_PREFIX; /// "/stream/"
	static const std::string CHANNEL_FORM;   /// "/stream/{stream_id}.ts", for PlaybackForm

	static bool parseChannel(const std::string& path, Poco::Int64& streamId);
		/// True when path is exactly "/stream/<streamId>.ts" with streamId >= 1.
};

} // namespace outputts

#endif // outputts_TsPaths_INCLUDED
