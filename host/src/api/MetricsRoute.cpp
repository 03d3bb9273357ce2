//
// MetricsRoute.cpp
//

#include "api/MetricsRoute.h"
#include "plugins/PluginGuard.h"
#include "restream/MetricsSource.h"
#include <sstream>

namespace restream::host {

MetricsRoute::MetricsRoute(const ChannelEngine& engine, const ServiceRegistry& registry, Poco::Logger& logger):
	FixedRoute("GET", "/metrics", Access::Public, "Prometheus metrics"),
	_engine(engine),
	_registry(registry),
	_logger(logger)
{
}

void MetricsRoute::handle(const RouteRequest&, const std::shared_ptr<RouteResponse>& response)
{
	std::ostringstream text;
	const auto statuses = _engine.list();
	text << "# HELP restream_channel_state 1 for the state each running channel is in.\n# TYPE restream_channel_state gauge\n";
	for (const auto& status : statuses)
		text << "restream_channel_state{stream_id=\"" << status.channel.streamId << "\",state=\"" << ChannelStatus::describe(status.state) << "\"} 1\n";
	text << "# HELP restream_viewers Distinct viewers over the last window.\n# TYPE restream_viewers gauge\n";
	for (const auto& status : statuses) text << "restream_viewers{stream_id=\"" << status.channel.streamId << "\"} " << status.viewers << "\n";
	text << "# HELP restream_bytes_served_total Bytes sent to viewers.\n# TYPE restream_bytes_served_total counter\n";
	for (const auto& status : statuses) text << "restream_bytes_served_total{stream_id=\"" << status.channel.streamId << "\"} " << status.bytesServed << "\n";
	text << "# HELP restream_upstream_reconnects_total Reconnections to the provider.\n# TYPE restream_upstream_reconnects_total counter\n";
	for (const auto& status : statuses) text << "restream_upstream_reconnects_total{stream_id=\"" << status.channel.streamId << "\"} " << status.reconnects << "\n";
	text << "# HELP restream_channel_bitrate_kbps Upstream bit rate over the last 10 s.\n# TYPE restream_channel_bitrate_kbps gauge\n";
	for (const auto& status : statuses) text << "restream_channel_bitrate_kbps{stream_id=\"" << status.channel.streamId << "\"} " << status.bitrateKbps << "\n";
	text << "# HELP restream_channel_holders Leases holding each channel (viewers of on-demand outputs).\n# TYPE restream_channel_holders gauge\n";
	for (const auto& status : statuses) text << "restream_channel_holders{stream_id=\"" << status.channel.streamId << "\"} " << status.holders.size() << "\n";
	text << "# HELP restream_channels Running channels.\n# TYPE restream_channels gauge\nrestream_channels " << statuses.size() << "\n";
	bool program = false;
	const ChannelStatus onAir = _engine.programStatus(program);
	text << "# HELP restream_program_viewers Viewers of the program (/live.m3u8 and the like).\n# TYPE restream_program_viewers gauge\n";
	text << "restream_program_viewers " << (program ? onAir.viewers : 0) << "\n";
	for (const auto& source : _registry.ownedWithRole<MetricsSource>())
	{
		std::string lines;
		if (PluginGuard::call(_logger, source.first, "MetricsSource::metrics", [&] { lines = source.second->metrics(); }))
			text << lines;
		else
			text << "# plugin " << source.first << " failed to report its metrics\n";
	}
	response->sendText(200, "text/plain; version=0.0.4; charset=utf-8", text.str(), {{"Cache-Control", "no-store"}});
}

} // namespace restream::host
