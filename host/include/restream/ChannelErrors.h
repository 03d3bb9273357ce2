//
// ChannelErrors.h
//
// The machine codes of channel failures and refusals.
//

#ifndef restream_ChannelErrors_INCLUDED
#define restream_ChannelErrors_INCLUDED

namespace restream {

struct ChannelErrors
	/// The codes of ChannelStatus::errorCode, ChannelException::code() and
	/// the API's "error_code": stable strings a client maps to its own words.
	/// New codes may be added; a client shows the English sentence for a
	/// code it does not know.
{
	// refusals of a start or a lease (no upstream was opened)
	static constexpr const char* NOT_FOUND = "not_found";                 /// no such channel in the catalog
	static constexpr const char* CONNECTION_LIMIT = "connection_limit";   /// the provider account's connections are all in use
	static constexpr const char* CHANNEL_LIMIT = "channel_limit";         /// live.maxChannels channels run already
	static constexpr const char* NOT_CONFIGURED = "not_configured";       /// no source, or a source without settings
	static constexpr const char* STOPPING = "stopping";                   /// the host is shutting down

	// the source's catalog and account (SourceException kinds)
	static constexpr const char* PROVIDER_UNREACHABLE = "provider_unreachable";
	static constexpr const char* PROVIDER_TIMEOUT = "provider_timeout";
	static constexpr const char* BAD_CREDENTIALS = "bad_credentials";
	static constexpr const char* ACCOUNT_EXPIRED = "account_expired";
	static constexpr const char* ACCOUNT_DISABLED = "account_disabled";
	static constexpr const char* NOT_A_PANEL = "not_a_panel";
	static constexpr const char* PROVIDER_ERROR = "provider_error";

	// the upstream of a running channel
	static constexpr const char* UPSTREAM_REFUSED = "upstream_refused";   /// HTTP 4xx/5xx when opening the stream
	static constexpr const char* UPSTREAM_NOT_FOUND = "upstream_not_found"; /// HTTP 404: the channel is offline
	static constexpr const char* NO_DATA = "no_data";                     /// nothing received for live.readTimeout
	static constexpr const char* NOT_A_STREAM = "not_a_stream";           /// bytes that are not a playable stream
	static constexpr const char* STREAM_ENDED = "stream_ended";           /// the provider closed the stream
	static constexpr const char* TOO_LARGE = "too_large";                 /// beyond a bound (bit rate, packet size)
	static constexpr const char* UPSTREAM_ERROR = "upstream_error";       /// any other failure
};

} // namespace restream

#endif // restream_ChannelErrors_INCLUDED
