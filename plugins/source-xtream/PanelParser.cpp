//
// PanelParser.cpp
//

#include "PanelParser.h"
#include "EntryListHandler.h"
#include "JsonField.h"
#include "JsonRepair.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <limits>
#include <unordered_set>

namespace sourcextream {

namespace {

int clampToInt(Poco::Int64 value)
{
	if (value < 0) return 0;
	return value > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : static_cast<int>(value);
}

} // namespace

template <class Attempt>
void PanelParser::parse(std::string& body, Attempt attempt) const
{
	std::string problem;
	for (int round = 0; round < 2; ++round)
	{
		try
		{
			attempt();
			return;
		}
		catch (const Poco::JSON::JSONException& exc)
		{
			problem = exc.message();
		}
		catch (const Poco::SyntaxException& exc)
		{
			problem = exc.message();
		}
		if (round == 0 && JsonRepair::repair(body) == 0) break;
	}
	throw notAPanel("its JSON does not parse: " + _redact(problem));
}

PanelParser::PanelParser(const std::string& server, Redaction redact): _server(server), _redact(std::move(redact))
{
}

PanelParser::AccountInfo PanelParser::account(std::string& body) const
{
	if (shapeOf(body) != Shape::Object) throw notAPanel("its answer has no user_info");
	const Poco::JSON::Object::Ptr root = object(body);
	const Poco::JSON::Object::Ptr userInfo = root->getObject("user_info");
	if (!userInfo) throw notAPanel("its answer has no user_info");
	return accountOf(*userInfo);
}

std::vector<restream::SourceCategory> PanelParser::categories(std::string& body, ListReport& report) const
{
	return entries<restream::SourceCategory, std::string>(body, report, {"category_id", "category_name"},
		[](const std::vector<JsonField>& fields, restream::SourceCategory& category, std::string& key) {
			category.id = Poco::trim(fields[0].toText());
			category.name = fields[1].toText();
			key = category.id;
			return !category.id.empty();
		});
}

std::vector<restream::SourceChannel> PanelParser::channels(std::string& body, ListReport& report) const
{
	return entries<restream::SourceChannel, Poco::Int64>(body, report,
		{"stream_id", "name", "stream_icon", "category_id", "epg_channel_id", "num"},
		[](const std::vector<JsonField>& fields, restream::SourceChannel& channel, Poco::Int64& key) {
			if (!fields[0].toInteger(channel.streamId) || channel.streamId <= 0) return false;
			channel.name = fields[1].toText();
			channel.icon = fields[2].toText();
			channel.categoryId = fields[3].toText();
			channel.epgChannelId = fields[4].toText();
			Poco::Int64 number = 0;
			if (fields[5].toInteger(number) && number >= 0) channel.number = std::to_string(number);
			key = channel.streamId;
			return true;
		});
}

template <class Entry, class Key, class Read>
std::vector<Entry> PanelParser::entries(std::string& body, ListReport& report, std::vector<std::string> fields, Read read) const
{
	std::vector<Entry> list;
	const Shape shape = shapeOf(body);
	if (shape != Shape::Array)
	{
		requireEmptyList(body, shape);
		return list;
	}
	std::unordered_set<Key> seen;
	Poco::SharedPtr<EntryListHandler> handler = new EntryListHandler(std::move(fields), [&](const std::vector<JsonField>& values) {
		Entry entry;
		Key key{};
		if (!read(values, entry, key))
			++report.skipped;
		else if (!seen.insert(key).second)
			++report.duplicates;
		else
			list.push_back(std::move(entry));
	});
	parse(body, [&]() {
		list.clear();
		seen.clear();
		report = ListReport();
		handler->reset();
		Poco::JSON::Parser parser(handler);
		parser.parse(body);
	});
	report.skipped += handler->nonObjects();
	return list;
}

void PanelParser::requireUsable(const restream::SourceAccount& account, const Poco::Timestamp& now) const
{
	const std::string status = Poco::toLower(Poco::trim(account.status));
	if (status == "disabled" || status == "banned")
		throw restream::SourceException(restream::SourceException::AccountDisabled,
			"the provider at " + _server + " says the account is " + status + " (ask the provider)");
	const bool pastExpiry = account.hasExpiry && account.expiresAt <= now.epochTime();
	if (status == "expired" || pastExpiry)
	{
		const std::string when = account.hasExpiry
			? " on " + Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(account.expiresAt), "%Y-%m-%d")
			: std::string();
		throw restream::SourceException(restream::SourceException::AccountExpired,
			"the provider account at " + _server + " expired" + when + " (renew it with the provider)");
	}
}

PanelParser::Shape PanelParser::shapeOf(std::string& body) const
{
	if (Poco::startsWith(body, std::string("\xEF\xBB\xBF"))) body.erase(0, 3);
	const std::size_t start = body.find_first_not_of(" \t\r\n");
	if (start == std::string::npos) throw notAPanel("it sent an empty answer");
	switch (body[start])
	{
	case '[':
		return Shape::Array;
	case '{':
		return Shape::Object;
	case '<':
		throw notAPanel("it sent an HTML page");
	default:
		if (body.compare(start, 4, "null") == 0 && body.find_first_not_of(" \t\r\n", start + 4) == std::string::npos)
			return Shape::Null;
		break;
	}
	std::string excerpt = body.substr(start, 40);
	excerpt = excerpt.substr(0, excerpt.find_first_of("\r\n"));
	for (char& c : excerpt)
	{
		if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
	}
	throw notAPanel("it sent the text \"" + _redact(Poco::trim(excerpt)) + "\"");
}

Poco::JSON::Object::Ptr PanelParser::object(std::string& body) const
{
	if (body.size() > MAX_OBJECT_SIZE) throw notAPanel("it sent a JSON object of " + std::to_string(body.size() / 1024) + " KiB");
	Poco::Dynamic::Var root;
	parse(body, [&]() { root = Poco::JSON::Parser().parse(body); });
	return root.extract<Poco::JSON::Object::Ptr>();
}

void PanelParser::requireEmptyList(std::string& body, Shape shape) const
{
	if (shape == Shape::Null) return;
	const Poco::JSON::Object::Ptr root = object(body);
	if (root->size() == 0) return;
	const Poco::JSON::Object::Ptr userInfo = root->getObject("user_info");
	if (!userInfo) throw notAPanel("it sent an object where a list was expected");
	requireUsable(accountOf(*userInfo).account, Poco::Timestamp());
	throw notAPanel("it sent account information where a list was expected");
}

PanelParser::AccountInfo PanelParser::accountOf(const Poco::JSON::Object& userInfo) const
{
	AccountInfo info;
	restream::SourceAccount& account = info.account;
	account.status = JsonField::fromVar(userInfo.get("status")).toText();
	const std::string status = Poco::toLower(Poco::trim(account.status));
	const bool statusExplains = status == "expired" || status == "disabled" || status == "banned";
	if (!JsonField::fromVar(userInfo.get("auth")).toBool(true) && !statusExplains)
		throw restream::SourceException(restream::SourceException::BadCredentials,
			"the provider at " + _server + " refused the login (check username and password)");

	Poco::Int64 number = 0;
	if (JsonField::fromVar(userInfo.get("exp_date")).toInteger(number) && number > 0)
	{
		account.hasExpiry = true;
		account.expiresAt = number;
	}
	if (JsonField::fromVar(userInfo.get("max_connections")).toInteger(number)) account.maxConnections = clampToInt(number);
	if (JsonField::fromVar(userInfo.get("active_cons")).toInteger(number)) account.activeConnections = clampToInt(number);
	account.trial = JsonField::fromVar(userInfo.get("is_trial")).toBool(false);
	account.message = JsonField::fromVar(userInfo.get("message")).toText();

	if (const Poco::JSON::Array::Ptr formats = userInfo.getArray("allowed_output_formats"))
	{
		for (std::size_t i = 0; i < formats->size(); ++i)
		{
			const std::string format = Poco::toLower(Poco::trim(JsonField::fromVar(formats->get(i)).toText()));
			if (!format.empty()) info.allowedOutputFormats.push_back(format);
		}
	}
	return info;
}

restream::SourceException PanelParser::notAPanel(const std::string& why) const
{
	return restream::SourceException(
		restream::SourceException::NotAPanel, "the server at " + _server + " does not answer like an Xtream Codes panel (" + why + ")");
}

} // namespace sourcextream
