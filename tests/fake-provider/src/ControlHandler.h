//
// ControlHandler.h
//
// Library: fakeprovider
//
// Answers /_control: the fault switches over HTTP.
//


#ifndef FakeProvider_ControlHandler_INCLUDED
#define FakeProvider_ControlHandler_INCLUDED


#include "Poco/Net/HTMLForm.h"
#include "Poco/Net/HTTPRequestHandler.h"
#include <string>


namespace fakeprovider {


class ProviderContext;


class ControlHandler: public Poco::Net::HTTPRequestHandler
	/// GET /_control: the current switches as JSON.
	/// POST /_control?PARAMS: changes switches (query parameters), then answers like GET.
	///   channel=ID|all (default all) selects the channel of the per-channel switches:
	///     drop_after=SECONDS (decimal, 0 clears), stall=0|1, status=0|300-599, garbage=0|1,
	///     redirect=N (0-100), redirect_loop=0|1, bitrate_mbps=N (0-1000), oversized_pes=0|1, hls_loop=0|1
	///   global: api_mode=normal|html|text|slow|expired|disabled|banned|numbers, api_delay_ms=N,
	///     user_agent_required=SUBSTRING (empty clears), max_connections=N, slot_release_delay_ms=N,
	///     catalog_drip_ms=N, gop_frames=N (1-250), hls=0|1, guide_channels=N, guide_hours=N
	///   An unknown parameter, an unknown channel or a bad value: 400 and nothing changes.
	/// POST /_control/reset: clears every switch (see FakeProvider::resetFaults()).
{
public:
	ControlHandler(ProviderContext& context, bool reset);

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

	static std::string settingsJson(ProviderContext& context);
		/// The GET /_control document.

private:
	void apply(const Poco::Net::HTMLForm& form);

	ProviderContext& _context;
	const bool _reset;
};


} // namespace fakeprovider


#endif // FakeProvider_ControlHandler_INCLUDED
