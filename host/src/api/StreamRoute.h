//
// StreamRoute.h
//

#ifndef restream_host_StreamRoute_INCLUDED
#define restream_host_StreamRoute_INCLUDED

#include "config/HostSettings.h"
#include "logging/Redactor.h"
#include "live/StreamEngine.h"
#include "restream/ApiRoute.h"
#include <Poco/JSON/Object.h>
#include <memory>

namespace restream::host {

class StreamRoute : public ApiRoute
	/// The stream routes on the API port:
	///   POST /start_stream {"stream_id": 101[, "primary": true]}  (protected)
	///       200 {"state", "stream_id", "name", "hls_url", "player_url"}; 404 unknown channel;
	///       400 malformed; 413 oversized; 409 no connection left at the provider
	///   POST /stop_stream [{"stream_id": 101}]  (protected) 200, idempotent
	///   GET  /stream_status  (public: the player needs it)
	///       {"active", "state", "stream_id", "name", "category_name", "started_at", "uptime_s",
	///        "viewers", "bitrate_kbps", "reconnects", "hls_url", "error", "last_packet_at"}
	///   GET  /metrics  (public, Prometheus text)
	/// URLs are absolute, from public.apiUrl / public.playerUrl, else from the
	/// request's Host. Never the upstream URL or anything of the provider's
	/// credentials.
{
public:
	enum class Endpoint
	{
		Start,
		Stop,
		Status,
		Metrics
	};

	StreamRoute(Endpoint endpoint, std::shared_ptr<StreamEngine> engine, const HostSettings& settings, unsigned playerPort,
		const ServiceRegistry& registry);
		/// registry gives the MetricsSource services /metrics appends.

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string summary() const override;
	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Identity& caller) override;

private:
	void start(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void stop(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void status(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
	void metrics(Poco::Net::HTTPServerResponse& response);
	bool readBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, Poco::JSON::Object::Ptr& body);
	std::string apiBase(const Poco::Net::HTTPServerRequest& request) const;
	std::string hlsUrl(const Poco::Net::HTTPServerRequest& request) const;
	std::string playerUrl(const Poco::Net::HTTPServerRequest& request) const;

	const Endpoint _endpoint;
	std::shared_ptr<StreamEngine> _engine;
	const HostSettings& _settings;
	const unsigned _playerPort;
	const ServiceRegistry& _registry;
};

} // namespace restream::host

#endif // restream_host_StreamRoute_INCLUDED
