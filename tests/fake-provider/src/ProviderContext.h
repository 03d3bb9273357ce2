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
#include "RedirectTokens.h"
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
	/// switches, connection slots, redirect tokens, and the channel hub of the current run.
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
	ConnectionSlots& slots();
	RedirectTokens& tokens();

	ChannelHub& hub();
		/// The hub of the current (or last) run. Valid between beginRun() and the next beginRun().

	void beginRun(Poco::UInt16 port);
		/// Records the bound port and creates a fresh hub.

	void requestStop();
		/// Marks the run as stopping, wakes waitForStop() callers, and stops the hub (closing
		/// every stream client and joining every encoder thread).

	bool stopping() const;

	bool waitForStop(Poco::Timespan timeout);
		/// Waits up to timeout; returns true if the run is stopping.

	Poco::UInt16 port() const;
	std::string baseUrl() const;
		/// "http://127.0.0.1:PORT" of the current run.

	bool credentialsMatch(const std::string& username, const std::string& password) const;

	void resetFaults();
		/// Clears the fault switches, API mode and User-Agent filter; restores maxConnections,
		/// slotReleaseDelay and apiDelay from the options.

	void checkChannel(int channelId) const;
		/// Throws Poco::NotFoundException unless channelId is 0 (all channels) or in the catalog.

private:
	const ProviderOptions _options;
	const Catalog _catalog;
	StatsRecorder _stats;
	FaultSwitches _faults;
	ConnectionSlots _slots;
	RedirectTokens _tokens;
	std::unique_ptr<ChannelHub> _pHub;
	Poco::Event _stopEvent;
	std::atomic<bool> _stopping{false};
	std::atomic<Poco::UInt16> _port{0};
};


} // namespace fakeprovider


#endif // FakeProvider_ProviderContext_INCLUDED
