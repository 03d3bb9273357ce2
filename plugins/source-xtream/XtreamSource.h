//
// XtreamSource.h
//
// The source service of an Xtream Codes provider.
//

#ifndef sourcextream_XtreamSource_INCLUDED
#define sourcextream_XtreamSource_INCLUDED

#include "PanelParser.h"
#include "ProviderClient.h"
#include "ServerAddress.h"
#include "XtreamSettings.h"
#include "restream/Source.h"
#include <Poco/Timestamp.h>
#include <mutex>
#include <optional>
#include <string>

namespace restream {
class PluginContext;
}

namespace sourcextream {

class XtreamSource : public restream::Source
	/// The live catalog of one Xtream Codes account, fetched from the panel's
	/// player_api.php on every call (the host caches the catalog), and its
	/// guide from xmltv.php.
	///
	/// categories(), channels(), resolve() and openGuide() first make sure
	/// the account is usable: they fetch the account (or use one fetched
	/// less than ACCOUNT_TTL ago) and throw AccountExpired or
	/// AccountDisabled as the panel says, BadCredentials for a wrong login.
	/// account() always fetches, and returns the facts of an expired,
	/// disabled or banned account too, so that an admin can see them.
	///
	/// channels() gives each channel the panel's num as its number.
	/// Logos (stream_icon) that contain the account's username or password
	/// are dropped, so that SourceChannel::icon never carries credentials.
	///
	/// resolve() builds /live/USER/PASS/ID.ts (format "mpegts"), or .m3u8
	/// (format "hls") when the outputFormat setting is m3u8 or the account's
	/// allowed_output_formats lists m3u8 but not ts. It does not check that
	/// the id exists (the host checks it against its catalog).
	///
	/// openGuide() asks xmltv.php (gzip welcome) and returns a GuideStream
	/// once the first bytes of the answer are known to be XMLTV (see
	/// XmltvStart): the guide is streamed, never held whole.
	///
	/// Threads: every method may be called from any thread, concurrently;
	/// only the account cache is shared, under a mutex.
	/// Errors: SourceException as ProviderClient and PanelParser say, plus
	/// BadCredentials for HTTP 401 and 403, ProviderError for any other
	/// status that is not 2xx, NotFound from resolve() for an id below 1,
	/// NotAPanel from openGuide() for an answer that is not XMLTV.
	/// Messages name the host only.
{
public:
	XtreamSource(const restream::PluginContext& context, const ServerAddress& server, const XtreamSettings& settings,
		Poco::Net::Context::Ptr tls);
		/// Contacts nobody. context must outlive the source and its guide
		/// streams (the host drops services before Plugin::stop()); tls is
		/// the TLS client context.

	std::string displayName() const override;
	std::vector<restream::SourceCategory> categories() override;
	std::vector<restream::SourceChannel> channels() override;
	restream::SourceAccount account() override;
	restream::SourceInput resolve(Poco::Int64 streamId) override;
	std::unique_ptr<std::istream> openGuide() override;

	static const Poco::Timespan ACCOUNT_TTL;
		/// How long an account check is reused by categories(), channels(),
		/// resolve() and openGuide(): 60 s.

	static const int CALL_TIMEOUTS = 12;
		/// A whole call (redirects, body) may last this many timeouts: a
		/// 50 000-channel list is 15-25 MB.

private:
	Poco::URI endpoint(const std::string& file) const;
		/// file of the panel, with the credentials as query parameters.

	std::string call(const std::string& action) const;
		/// The body of a 2xx answer of player_api.php with the credentials
		/// and, unless empty, action.

	void requireSuccess(int status) const;
		/// Throws for a status that is not 2xx.

	PanelParser::AccountInfo fetchAccount();
	PanelParser::AccountInfo usableAccount();
	bool playsHls(const PanelParser::AccountInfo& account) const;
	bool carriesCredentials(const std::string& text) const;
	static std::string pathSegment(const std::string& text);

	const restream::PluginContext& _context;
	const ServerAddress _server;
	const XtreamSettings _settings;
	const ProviderClient _client;
	const PanelParser _parser;

	std::mutex _mutex;
	std::optional<PanelParser::AccountInfo> _account; /// the last account fetched
	Poco::Timestamp _accountFetched;                  /// when
};

} // namespace sourcextream

#endif // sourcextream_XtreamSource_INCLUDED
