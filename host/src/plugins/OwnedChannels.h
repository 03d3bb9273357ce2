//
// OwnedChannels.h
//

#ifndef restream_host_OwnedChannels_INCLUDED
#define restream_host_OwnedChannels_INCLUDED

#include "restream/Channels.h"
#include <functional>
#include <memory>
#include <string>

namespace restream::host {

class HostChannels : public Channels
	/// The host's channels as the plugin contexts hand them out: a
	/// subscription names its owner, so a failing callback is logged with
	/// the plugin's name (PluginGuard), like every other plugin failure.
{
public:
	using Channels::subscribe;

	virtual std::unique_ptr<Subscription> subscribe(const std::string& owner, std::function<void(const ChannelEvent&)> callback) = 0;
		/// As Channels::subscribe, callback owned by the plugin owner.
};

class OwnedChannels : public Channels
	/// The channels as one plugin sees them: what it subscribes is its own.
	/// Everything else goes to the host's channels unchanged.
	/// Threads: as Channels. Must not outlive the HostChannels.
{
public:
	OwnedChannels(HostChannels& channels, std::string owner);

	std::vector<ChannelStatus> list() const override;
	bool status(Poco::Int64 streamId, ChannelStatus& status) const override;
	void start(Poco::Int64 streamId, const std::string& requestedBy) override;
	bool stop(Poco::Int64 streamId, const std::string& requestedBy) override;
	std::unique_ptr<ChannelLease> acquire(Poco::Int64 streamId, const std::string& holder) override;
	int capacity() const override;
	Poco::Int64 program() const override;
	void setProgram(Poco::Int64 streamId, const std::string& requestedBy) override;
	std::unique_ptr<Subscription> subscribe(std::function<void(const ChannelEvent&)> callback) override;

private:
	HostChannels& _channels;
	const std::string _owner;
};

} // namespace restream::host

#endif // restream_host_OwnedChannels_INCLUDED
