//
// XtreamSource.cpp
//

#include "XtreamSource.h"
#include "GuideStream.h"
#include "restream/PluginContext.h"
#include <Poco/Logger.h>
#include <Poco/Net/HTTPResponse.h>
#include <algorithm>

namespace sourcextream {

using restream::SourceException;

const Poco::Timespan XtreamSource::ACCOUNT_TTL(60, 0);

namespace {

ProviderClient::Options clientOptions(const XtreamSettings& settings)
{
	ProviderClient::Options options;
	options.userAgent = settings.userAgent;
	options.timeout = settings.timeout;
	options.callTimeout = Poco::Timespan(settings.timeout.totalMicroseconds() * XtreamSource::CALL_TIMEOUTS);
	return options;
}

} // namespace

XtreamSource::XtreamSource(const restream::PluginContext& context, const ServerAddress& server, const XtreamSettings& settings,
	Poco::Net::Context::Ptr tls):
	_context(context),
	_server(server),
	_settings(settings),
	_client(context, clientOptions(settings), std::move(tls)),
	_parser(server.host(), [&context](const std::string& text) { return context.redact(text); })
{
}

std::string XtreamSource::displayName() const
{
	return "Xtream Codes provider " + _server.authority();
}

std::vector<restream::SourceCategory> XtreamSource::categories()
{
	usableAccount();
	std::string body = call("get_live_categories");
	PanelParser::ListReport report;
	std::vector<restream::SourceCategory> categories = _parser.categories(body, report);
	if (report.skipped + report.duplicates > 0)
		_context.logger().debug("get_live_categories: %z categories; %z entries without a category_id skipped, %z duplicates dropped",
			categories.size(), report.skipped, report.duplicates);
	return categories;
}

std::vector<restream::SourceChannel> XtreamSource::channels()
{
	usableAccount();
	std::string body = call("get_live_streams");
	const std::size_t size = body.size();
	const Poco::Timestamp parsing;
	PanelParser::ListReport report;
	std::vector<restream::SourceChannel> channels = _parser.channels(body, report);
	std::size_t logosDropped = 0;
	for (auto& channel : channels)
	{
		if (!channel.icon.empty() && carriesCredentials(channel.icon))
		{
			channel.icon.clear();
			++logosDropped;
		}
	}
	_context.logger().debug("get_live_streams: %z channels from %z bytes, parsed in %s ms; %z entries without a valid stream_id "
							"skipped, %z duplicates dropped, %z logos with credentials dropped",
		channels.size(), size, std::to_string(parsing.elapsed() / 1000), report.skipped, report.duplicates, logosDropped);
	return channels;
}

restream::SourceAccount XtreamSource::account()
{
	return fetchAccount().account;
}

restream::SourceInput XtreamSource::resolve(Poco::Int64 streamId)
{
	if (streamId <= 0) throw SourceException(SourceException::NotFound, "there is no channel with id " + std::to_string(streamId));
	const bool hls = playsHls(usableAccount());
	restream::SourceInput input;
	input.url = _server.baseUrl() + "/live/" + pathSegment(_settings.username) + "/" + pathSegment(_settings.password) + "/" +
		std::to_string(streamId) + (hls ? ".m3u8" : ".ts");
	input.format = hls ? "hls" : "mpegts";
	if (!_settings.userAgent.empty()) input.headers["User-Agent"] = _settings.userAgent;
	return input;
}

std::unique_ptr<std::istream> XtreamSource::openGuide()
{
	usableAccount();
	std::unique_ptr<ProviderResponse> response =
		_client.open(endpoint("xmltv.php"), {{"Accept", "application/xml, text/xml"}, {"Accept-Encoding", "gzip"}});
	requireSuccess(response->status());
	auto guide = std::make_unique<GuideStream>(_context, std::move(response));
	guide->requireXmltv();
	return guide;
}

Poco::URI XtreamSource::endpoint(const std::string& file) const
{
	Poco::URI uri = _server.endpoint(file);
	uri.addQueryParameter("username", _settings.username);
	uri.addQueryParameter("password", _settings.password);
	return uri;
}

std::string XtreamSource::call(const std::string& action) const
{
	Poco::URI uri = endpoint("player_api.php");
	if (!action.empty()) uri.addQueryParameter("action", action);
	ProviderClient::Answer answer = _client.get(uri);
	requireSuccess(answer.status);
	return std::move(answer.body);
}

void XtreamSource::requireSuccess(int status) const
{
	if (status == Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED || status == Poco::Net::HTTPResponse::HTTP_FORBIDDEN)
		throw SourceException(SourceException::BadCredentials,
			"the provider at " + _server.host() + " refused the login (check username and password)");
	if (status < 200 || status > 299)
	{
		const std::string reason =
			Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
		throw SourceException(SourceException::ProviderError,
			"the provider at " + _server.host() + " answered HTTP " + std::to_string(status) +
				(reason == Poco::Net::HTTPResponse::HTTP_REASON_UNKNOWN ? std::string() : " " + reason));
	}
}

PanelParser::AccountInfo XtreamSource::fetchAccount()
{
	std::string body = call(std::string());
	PanelParser::AccountInfo account = _parser.account(body);
	std::lock_guard<std::mutex> lock(_mutex);
	_account = account;
	_accountFetched.update();
	return account;
}

PanelParser::AccountInfo XtreamSource::usableAccount()
{
	std::optional<PanelParser::AccountInfo> account;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		if (_account && !_accountFetched.isElapsed(ACCOUNT_TTL.totalMicroseconds())) account = _account;
	}
	if (!account) account = fetchAccount();
	_parser.requireUsable(account->account, Poco::Timestamp());
	return *account;
}

bool XtreamSource::playsHls(const PanelParser::AccountInfo& account) const
{
	if (_settings.hls) return true;
	const auto& formats = account.allowedOutputFormats;
	const auto allows = [&](const char* format) { return std::find(formats.begin(), formats.end(), format) != formats.end(); };
	return !formats.empty() && !allows("ts") && allows("m3u8");
}

bool XtreamSource::carriesCredentials(const std::string& text) const
{
	std::string decoded;
	try
	{
		Poco::URI::decode(text, decoded);
	}
	catch (const Poco::SyntaxException&)
	{
		decoded.clear(); // a stray '%': the raw text is checked all the same
	}
	// as the host's redaction does, values shorter than 3 characters would match ordinary text
	for (const std::string* secret : {&_settings.username, &_settings.password})
	{
		if (secret->size() >= 3 && (text.find(*secret) != std::string::npos || decoded.find(*secret) != std::string::npos))
			return true;
	}
	return false;
}

std::string XtreamSource::pathSegment(const std::string& text)
{
	// the reserved set of the host's redaction, so that it recognises the encoded form too
	std::string encoded;
	Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]", encoded);
	return encoded;
}

} // namespace sourcextream
