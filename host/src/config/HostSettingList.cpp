//
// HostSettingList.cpp
//

#include "config/HostSettingList.h"
#include "http/PortSettings.h"
#include "live/LiveSettings.h"
#include <algorithm>

namespace restream::host {

namespace {

struct KnownPort
{
	const char* name;
	int number;
	bool lanOnly;
	const char* serves;
};

const KnownPort knownPorts[] = {
	{"admin", 8001, true, "the admin (LAN only)"},
	{"api", 8002, false, "the REST API and the HLS"},
	{"player", 8003, false, "the public web player"},
	{"tuner", 5004, true, "media centres' tuner: HDHomeRun, M3U, XMLTV and MPEG-TS (LAN only)"},
};

} // namespace

std::vector<Setting> HostSettingList::general()
{
	const LiveSettings live;
	return {
		Setting::text("plugins.dir", "", "Where plugins are loaded from (--plugin-dir); empty: <exe>/../lib/restream/plugins, links resolved"),
		Setting::list("plugins.load", "auth-jwt, source-xtream, source-demo, output-hls, output-ts, output-hdhr, ui-admin, ui-player",
			"Which plugins load, in start order"),
		Setting::seconds("plugins.callTimeout", "10", 1, 600, "Seconds a plugin's start or stop may take before it is abandoned"),
		Setting::text("state.dir", "", "What survives restarts; created 0700, one subdirectory per plugin "
			"(empty: /var/lib/restream if writable, else ~/.local/state/restream)"),
		Setting::url("public.apiUrl", "", "Public base URL of the API port, e.g. https://api.example.org (empty: from the request's host)"),
		Setting::url("public.playerUrl", "", "Public base URL of the player, e.g. https://restream.example.org; allowed by CORS"),
		Setting::url("public.adminUrl", "", "Base URL of the admin; allowed by CORS"),
		Setting::url("public.tunerUrl", "", "Base URL of the tuner port as media centres reach it (empty: from the request's host)"),
		Setting::list("http.ports", "admin, api, player, tuner", "The ports this process serves (admin, api, player, tuner, or a name of your own)"),
		Setting::integer("http.ioThreads", 0, 0, 256, "Threads that serve every port's connections (0: one per core, at least 2)"),
		Setting::list("http.trustedProxies", "127.0.0.1/8, ::1",
			"Peers whose forwarded client address is believed (X-Forwarded-For, Forwarded, X-Real-IP, CF-Connecting-IP)"),
		Setting::list("http.lanNetworks", "127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, fc00::/7, fe80::/10",
			"Clients that LAN-only ports (admin, tuner) answer; any opens them"),
		Setting::list("http.allowedHosts", "",
			"Host names LAN-only ports answer besides IP addresses, localhost, single labels and .local, .lan, .home.arpa, "
			".internal, .localdomain names (* accepts any); others get 421"),
		Setting::list("http.corsOrigins", "", "Browser origins allowed to call the API (empty: the player's and admin's public origins)"),
		Setting::text("catalog.source", "", "The source service the catalog shows (empty: the first that runs)"),
		Setting::seconds("catalog.ttl", "3600", 10, 604800, "Seconds the catalog is cached before the provider is asked again"),
		Setting::list("catalog.logoHosts", "", "Hosts besides the provider's from which channel logos are fetched for the admin"),
		Setting::integer("live.maxChannels", live.maxChannels, 1, 64,
			"Channels that may run at once (one provider connection each); the provider's max_connections also applies"),
		Setting::seconds("live.idleTimeout", std::to_string(live.idleTimeout.totalSeconds()), 1, 3600,
			"Seconds a channel nothing holds (no viewer, not started by the admin) runs on before it stops"),
		Setting::seconds("live.accountRefresh", std::to_string(live.accountRefresh.totalSeconds()), 30, 86400,
			"Seconds between reads of the provider account's connection figures"),
		Setting::seconds("live.readTimeout", std::to_string(live.input.readTimeout.totalSeconds()), 1, 60,
			"Seconds without data from the provider before the channel reconnects (stall detection)"),
		Setting::integer("live.probeSize", live.input.probeSize, 32, 50000000, "Bytes probed when a channel opens (bounded for a fast start)"),
		Setting::integer("live.analyzeDuration", live.input.analyzeDuration.totalMilliseconds(), 0, 10000, "Milliseconds of media probed when a channel opens"),
		Setting::integer("live.maxRedirects", live.input.maxRedirects, 0, 10, "HTTP redirects followed to the provider's stream"),
		Setting::integer("live.audioBitRate", live.input.audioBitRate, 32000, 512000, "AAC bit rate when audio is transcoded (MP2, AC-3, E-AC-3 → AAC)"),
		Setting::integer("live.maxBitRate", live.input.maxBitRate / 1000000, 1, 1000,
			"Mbit/s from the provider beyond which a channel's session ends (too_large): memory a stream costs grows with its bit rate"),
		Setting::integer("live.reopenJitter", live.recovery.reopenJitter.totalMilliseconds(), 0, 10000,
			"Milliseconds at most before a stream that was playing and dropped is opened again"),
		Setting::integer("live.retryDelay", live.recovery.retryDelay.totalMilliseconds(), 100, 60000,
			"Milliseconds before retrying an open that failed; doubles each failure, ±50 % jitter"),
		Setting::seconds("live.maxRetryDelay", std::to_string(live.recovery.maxRetryDelay.totalSeconds()), 1, 600,
			"Seconds between retries at most (drops, stalls, unreachable provider)"),
		Setting::seconds("live.maxRefusedDelay", std::to_string(live.recovery.maxRefusedDelay.totalSeconds()), 1, 3600,
			"Seconds between retries at most when the provider refuses (HTTP 401, 403, 404)"),
		Setting::integer("live.maxFailures", live.recovery.maxFailures, 1, 1000, "Failed opens in a row before the channel shows error (it keeps retrying)"),
		Setting::boolean("live.slate", live.recovery.slate,
			"While a channel that was live gets nothing from the provider, its outputs show a still picture with silence (its name, "
			"\"Reconnecting…\") so players never run dry"),
		Setting::integer("live.slateAfter", live.recovery.slateAfter.totalMilliseconds(), 200, 30000,
			"Milliseconds without media from the provider before the slate plays"),
		Setting::text("live.slateImage", "", "A PNG or JPEG file the slate shows instead of the channel's name (scaled to fit)"),
	};
}

std::vector<Setting> HostSettingList::port(const std::string& name)
{
	int number = 0;
	bool lanOnly = false;
	std::string serves = "a port of your own";
	for (const auto& known : knownPorts)
	{
		if (name != known.name) continue;
		number = known.number;
		lanOnly = known.lanOnly;
		serves = known.serves;
	}
	const PortSettings defaults;
	const std::string prefix = "http." + name + ".";
	return {
		Setting::text(prefix + "address", "0.0.0.0", "Bind address of " + serves),
		Setting::integer(prefix + "port", number, 0, 65535, "Port number (0: ephemeral)"),
		Setting::boolean(prefix + "lanOnly", lanOnly, "Answer only clients on the LAN (http.lanNetworks) under local host names"),
		Setting::integer(prefix + "maxThreads", name == "api" ? 1024 : defaults.maxThreads, 1, 10000,
			"Worker threads at most, for the routes that may block (media from memory runs on the I/O threads)"),
		Setting::integer(prefix + "maxQueued", name == "api" ? 1024 : defaults.maxQueued, 1, 100000,
			"Requests waiting for a worker thread; more are answered 503"),
		Setting::integer(prefix + "maxConnectionsPerAddress", defaults.maxConnectionsPerAddress, 1, 1000000,
			"Open connections per client address; more are closed at once (trusted proxies, http.trustedProxies, are exempt)"),
		Setting::boolean(prefix + "keepAlive", defaults.keepAlive, "Persistent connections"),
		Setting::seconds(prefix + "headerTimeout", std::to_string(defaults.headerTimeout.totalSeconds()), 0.1, 600,
			"Seconds for a request's head, first byte to last; a client that trickles it is cut off"),
		Setting::seconds(prefix + "keepAliveTimeout", std::to_string(defaults.keepAliveTimeout.totalSeconds()), 1, 3600,
			"Seconds an idle kept-alive connection stays"),
		Setting::integer(prefix + "maxKeepAliveRequests", defaults.maxKeepAliveRequests, 1, 1000000, "Requests per connection"),
		Setting::seconds(prefix + "readTimeout", std::to_string(defaults.readTimeout.totalSeconds()), 1, 600,
			"Seconds for a request's body, and for each write that makes no progress"),
		Setting::seconds(prefix + "requestTimeout", std::to_string(defaults.requestTimeout.totalSeconds()), 0, 3600,
			"Seconds for a whole request, first byte to last (0: none; streams are exempt); a client that trickles is cut off"),
	};
}

std::vector<Setting> HostSettingList::knownPortNumbers(const std::vector<std::string>& served)
{
	std::vector<Setting> numbers;
	for (const auto& known : knownPorts)
	{
		if (std::find(served.begin(), served.end(), known.name) == served.end()) numbers.push_back(port(known.name)[1]);
	}
	return numbers;
}

bool HostSettingList::isKnownPort(const std::string& name)
{
	for (const auto& known : knownPorts)
	{
		if (name == known.name) return true;
	}
	return false;
}

} // namespace restream::host
