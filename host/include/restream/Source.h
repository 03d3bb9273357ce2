//
// Source.h
//
// The source role, catalog side: where channels come from.
//

#ifndef restream_Source_INCLUDED
#define restream_Source_INCLUDED

#include "restream/PacketProducer.h"
#include "restream/Service.h"
#include "restream/SourceException.h"
#include <Poco/Types.h>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace restream {

struct SourceCategory
	/// A category of live channels. A value type.
{
	std::string id;   /// the provider's id, a string as providers send it ("1")
	std::string name; /// UTF-8, as the provider names it
};

struct SourceChannel
	/// A live channel. A value type.
{
	Poco::Int64 streamId = 0;  /// stable across refreshes; positive
	std::string name;          /// UTF-8
	std::string number;        /// the provider's channel number ("101"), may be empty
	std::string icon;          /// logo URL, may be empty; never carries credentials
	std::string categoryId;    /// may be empty
	std::string epgChannelId;  /// may be empty
};

struct SourceAccount
	/// What the provider says about the account. A value type; never the password.
{
	std::string status;                 /// "Active", "Expired", "Disabled", "Banned", ... as the provider says
	bool hasExpiry = false;             /// false: the account does not expire
	Poco::Int64 expiresAt = 0;          /// Unix time, when hasExpiry
	int maxConnections = 0;             /// 0: unknown
	int activeConnections = 0;          /// as the provider counts them
	bool trial = false;
	std::string message;                /// the provider's message, if any
};

struct SourceInput
	/// What the live pipeline opens for a channel. Contains credentials: never
	/// log it, return it from an API or put it in a redirect.
{
	std::string url;                           /// http(s) URL of the stream
	std::string format;                        /// the demuxer to force: "mpegts" or "hls"
	std::map<std::string, std::string> headers; /// request headers the provider wants (User-Agent, ...)
};

class RESTREAM_API Source : public Service
	/// A catalog of live channels (an IPTV provider, a playlist, a demo).
	///
	/// The host keeps its own cache of what categories() and channels()
	/// return and calls them again only on refresh or when its TTL expires,
	/// so a source may fetch every time it is asked.
	///
	/// Threads: any method may be called from any thread, concurrently.
	/// Errors: methods throw SourceException with a kind and a message for a
	/// human (credentials redacted); anything else they throw is reported as
	/// an internal error of the plugin.
{
public:
	virtual std::string displayName() const = 0;
		/// A name for humans ("Xtream Codes provider example.org").

	virtual std::vector<SourceCategory> categories() = 0;
		/// The live categories.

	virtual std::vector<SourceChannel> channels() = 0;
		/// Every live channel, in the provider's order.

	virtual SourceAccount account() = 0;
		/// The account's facts, fetched now.

	virtual SourceInput resolve(Poco::Int64 streamId) = 0;
		/// What to open to play streamId. Throws SourceException (NotFound)
		/// for an unknown channel. Not called when openProducer() gives one.

	virtual std::unique_ptr<PacketProducer> openProducer(Poco::Int64 streamId);
		/// A producer of streamId's packets, for a source that makes them
		/// itself; the default, null, means "open what resolve() gives".
		/// Throws SourceException like resolve().

	virtual std::unique_ptr<std::istream> openGuide();
		/// The provider's programme guide (XMLTV), streamed as it arrives,
		/// never whole in memory. The default, null, means no guide.
		/// Throws SourceException when the provider cannot give it.
};

inline std::unique_ptr<PacketProducer> Source::openProducer(Poco::Int64)
{
	return nullptr;
}

inline std::unique_ptr<std::istream> Source::openGuide()
{
	return nullptr;
}

} // namespace restream

#endif // restream_Source_INCLUDED
