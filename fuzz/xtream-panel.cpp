//
// xtream-panel.cpp
//
// PanelParser on any body a panel may send: the input is the body, read as
// the account answer, the category list and the channel list in turn.
// Contract: only SourceException of the documented kinds, and its message
// never carries the credentials (redacted with the host's Redactor, as in
// the plugin); lists keep valid, unique ids.
//

#include "FuzzInput.h"
#include "PanelParser.h"
#include "logging/Redactor.h"
#include "restream/SourceException.h"
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <set>

using restream::SourceException;
using sourcextream::PanelParser;

namespace {

const std::string SECRET = "hunter2-panel-pass";

struct Panel
	/// The parser as the plugin builds it, its messages redacted by the host's Redactor.
{
	restream::host::Redactor redactor;
	PanelParser parser{"panel.example.org", [this](const std::string& text) { return redactor.redact(text); }};

	Panel()
	{
		redactor.addSecret(SECRET);
	}
};

const PanelParser& parser()
{
	static const Panel panel;
	return panel.parser;
}

void checkRefusal(const SourceException& exc)
{
	FUZZ_CHECK(exc.message().find(SECRET) == std::string::npos);
	const SourceException::Kind kind = exc.kind();
	FUZZ_CHECK(kind == SourceException::NotAPanel || kind == SourceException::BadCredentials ||
		kind == SourceException::AccountExpired || kind == SourceException::AccountDisabled);
}

void readAccount(const std::string& input)
{
	std::string body = input;
	try
	{
		const PanelParser::AccountInfo info = parser().account(body);
		for (const std::string& format : info.allowedOutputFormats)
			FUZZ_CHECK(!format.empty() && format == Poco::toLower(Poco::trim(format)));
		parser().requireUsable(info.account, Poco::Timestamp());
	}
	catch (const SourceException& exc)
	{
		checkRefusal(exc);
	}
}

void readCategories(const std::string& input)
{
	std::string body = input;
	PanelParser::ListReport report;
	try
	{
		std::set<std::string> ids;
		for (const restream::SourceCategory& category : parser().categories(body, report))
		{
			FUZZ_CHECK(!category.id.empty() && category.id == Poco::trim(category.id));
			FUZZ_CHECK(ids.insert(category.id).second);
		}
	}
	catch (const SourceException& exc)
	{
		checkRefusal(exc);
	}
}

void readChannels(const std::string& input)
{
	std::string body = input;
	PanelParser::ListReport report;
	try
	{
		std::set<Poco::Int64> ids;
		for (const restream::SourceChannel& channel : parser().channels(body, report))
		{
			FUZZ_CHECK(channel.streamId > 0);
			FUZZ_CHECK(ids.insert(channel.streamId).second);
			// a whole number at least 0, one spelling: "7", never "007" or "-1"
			FUZZ_CHECK(channel.number.empty() || channel.number == std::to_string(std::stoll(channel.number)));
			FUZZ_CHECK(channel.number.empty() || channel.number[0] != '-');
		}
	}
	catch (const SourceException& exc)
	{
		checkRefusal(exc);
	}
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input = restreamfuzz::text(data, size);
	readAccount(input);
	readCategories(input);
	readChannels(input);
	return 0;
}
