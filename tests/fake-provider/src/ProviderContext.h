//
// ProviderContext.h
//
// Library: fakeprovider
//
// Everything the request handlers share.
//


#ifndef FakeProvider_ProviderContext_INCLUDED
#define FakeProvider_ProviderContext_INCLUDED


#include "fakeprovider/ProviderOptions.h"
#include "Catalog.h"
#include "ChannelHub.h"
#include "ConnectionSlots.h"
#include "FaultSwitches.h"
#include "HlsViewers.h"
#include "RedirectTokens.h"
#include "RuntimeSettings.h"
#include "StatsRecorder.h"
#include "Poco/Event.h"
#include "Poco/Timespan.h"
#include "Poco/Types.h"
#include <atomic>
#include <memory>
#include <string>


namespace fakeprovider {


class ProviderContext
	/// The state of a FakeProvider shared by its request handlers: options, catalog, counters,
	/// switches, settings, connection slots, redirect tokens, and the channel hub and HLS viewers
	/// of the current run.
	/// Everything but beginRun()/endRun() is thread-safe; those two are called by FakeProvider
	/// while no request handler runs.
{
public:
	explicit ProviderContext(const ProviderOptions& options);
	~ProviderContext();

	const ProviderOptions& options() const;
	const Catalog& catalog() const;
	StatsRecorder& stats();
	FaultSwitches& faults();
	RuntimeSettings& settings();
	ConnectionSlots& slots();
	RedirectTokens& tokens();

	ChannelHub& hub();
		/// The hub of the current (or last) run. Valid between beginRun() and the next beginRun().

	HlsViewers& hlsViewers();
		/// The HLS viewers of the current (or last) run, valid like hub().

	void setHls(bool enabled);
		/// Turns HLS on or off; off ends every viewer.

	void beginRun(Poco::UInt16 port);
		/// Records the bound port and creates a fresh hub and viewer registry.

	void requestStop();
		/// Marks the run as stopping, wakes waitForStop() callers, ends the HLS viewers and stops
		/// the hub (closing every stream client and joining every encoder thread).

	bool stopping() const;

	bool waitForStop(Poco::Timespan timeout);
		/// Waits up to timeout; returns true if the run is stopping.

	Poco::UInt16 port() const;
	std::string baseUrl() const;
		/// "http://127.0.0.1:PORT" of the current run.

	bool credentialsMatch(const std::string& username, const std::string& password) const;

	void resetFaults();
		/// Clears the fault switches, API mode and User-Agent filter; restores maxConnections,
		/// slotReleaseDelay, apiDelay, catalogDrip and the runtime settings from the options.

	EncoderSession::Settings encoderSettings(int channelId) const;
		/// What the channel's encoder uses for its next frame.

	void checkChannel(int channelId) const;
		/// Throws Poco::NotFoundException unless channelId is 0 (all channels) or in the catalog.

private:
	std::unique_ptr<ChannelHub> makeHub();

	const ProviderOptions _options;
	const Catalog _catalog;
	StatsRecorder _stats;
	FaultSwitches _faults;
	RuntimeSettings _settings;
	ConnectionSlots _slots;
	RedirectTokens _tokens;
	std::unique_ptr<ChannelHub> _pHub;
	std::unique_ptr<HlsViewers> _pHlsViewers;
	Poco::Event _stopEvent;
	std::atomic<bool> _stopping{false};
	std::atomic<Poco::UInt16> _port{0};
};


} // namespace fakeprovider


#endif // FakeProvider_ProviderContext_INCLUDED
