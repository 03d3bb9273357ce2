//
// PanelParser.h
//
// Reading the answers of a panel's player_api.php as real panels send them.
//

#ifndef sourcextream_PanelParser_INCLUDED
#define sourcextream_PanelParser_INCLUDED

#include "restream/Source.h"
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <functional>
#include <string>
#include <vector>

namespace sourcextream {

class PanelParser
	/// Turns the bodies of player_api.php answers into the SDK's values,
	/// tolerating what real panels send: numbers as strings or numbers,
	/// null for absent values, booleans as 0/1/"0"/"1", empty lists as [],
	/// {} or null, a byte-order mark, and (see JsonRepair) stray Latin-1
	/// bytes and raw control characters in strings. Names are kept byte for
	/// byte. Lists are read event by event (EntryListHandler), never as a
	/// DOM: 50 000 channels cost little more memory than the result.
	///
	/// Threads: the methods are const and share nothing.
	/// Errors: SourceException, with messages that name only the server:
	///   - NotAPanel for an empty answer, an HTML page, plain text
	///     ("blocked", "forbidden"), JSON that does not parse, an account
	///     answer without user_info, a list answered with another object;
	///   - BadCredentials for user_info.auth 0 (in any answer);
	///   - AccountExpired and AccountDisabled from requireUsable(), and for
	///     a list answered with user_info whose status says so.
{
public:
	struct AccountInfo
	{
		restream::SourceAccount account;
		std::vector<std::string> allowedOutputFormats; /// as the panel lists them, lower case; empty when it says nothing
	};

	struct ListReport
	{
		std::size_t skipped = 0;    /// entries without a usable id (or not objects)
		std::size_t duplicates = 0; /// entries whose id came earlier (the first is kept)
	};

	using Redaction = std::function<std::string(const std::string& text)>;
		/// Masks credentials in text (PluginContext::redact()).

	PanelParser(const std::string& server, Redaction redact);
		/// server names the panel in messages: a host name, never a URL;
		/// redact is applied to what a message quotes from an answer.

	AccountInfo account(std::string& body) const;
		/// Reads the answer to player_api.php without an action. An account
		/// that the panel calls Expired, Disabled or Banned is returned even
		/// with auth 0, so that its facts can be shown; any other auth 0 is
		/// BadCredentials. exp_date null, "", "null" or 0 means no expiry.
		/// body may be mended in place.

	std::vector<restream::SourceCategory> categories(std::string& body, ListReport& report) const;
		/// Reads get_live_categories: category_id (string or number, required)
		/// and category_name. body may be mended in place.

	std::vector<restream::SourceChannel> channels(std::string& body, ListReport& report) const;
		/// Reads get_live_streams: stream_id (a positive integer, as a number
		/// or a string, required), name, stream_icon, category_id,
		/// epg_channel_id and num, the channel number: a whole number at
		/// least 0 (as a number or a string, "007" reads "7"), else empty.
		/// body may be mended in place.

	void requireUsable(const restream::SourceAccount& account, const Poco::Timestamp& now) const;
		/// Throws AccountExpired when the status is Expired or exp_date is
		/// before now, AccountDisabled when it is Disabled or Banned.

private:
	enum class Shape
	{
		Array,
		Object,
		Null
	};

	Shape shapeOf(std::string& body) const;
		/// Drops a byte-order mark and classifies the document; throws
		/// NotAPanel for anything but JSON.

	template <class Attempt>
	void parse(std::string& body, Attempt attempt) const;
		/// Calls attempt(), which parses body; if body is not strict JSON,
		/// mends it (JsonRepair) and calls attempt() once more. Throws
		/// NotAPanel when it still does not parse.

	template <class Entry, class Key, class Read>
	std::vector<Entry> entries(std::string& body, ListReport& report, std::vector<std::string> fields, Read read) const;
		/// Streams a list answer: for each object, read(values of fields,
		/// entry, key) fills entry and its key and returns false to skip it;
		/// a key seen before counts as a duplicate. An empty-list answer
		/// ({} or null, as panels send) gives no entries.

	Poco::JSON::Object::Ptr object(std::string& body) const;
		/// Parses a document that starts with '{' into a DOM; throws
		/// NotAPanel beyond MAX_OBJECT_SIZE (a DOM costs about 8 times the
		/// text: answers that are objects are small, or wrong).

	static const std::size_t MAX_OBJECT_SIZE = 1024 * 1024;

	void requireEmptyList(std::string& body, Shape shape) const;
		/// For a list answered with something else than an array: returns
		/// for null and {}; throws for user_info (BadCredentials,
		/// AccountExpired, AccountDisabled, else NotAPanel) and for any other
		/// object.

	AccountInfo accountOf(const Poco::JSON::Object& userInfo) const;
		/// The facts of user_info; throws BadCredentials for auth 0, unless
		/// the status says why.

	restream::SourceException notAPanel(const std::string& why) const;

	const std::string _server;
	const Redaction _redact;
};

} // namespace sourcextream

#endif // sourcextream_PanelParser_INCLUDED
