//
// DemoSource.h
//
// The source service of the demo: synthetic channels, no provider.
//

#ifndef sourcedemo_DemoSource_INCLUDED
#define sourcedemo_DemoSource_INCLUDED

#include "DemoChannel.h"
#include "restream/Source.h"
#include <string>
#include <vector>

namespace sourcedemo {

class DemoSource : public restream::Source
	/// A fixed catalog of synthetic channels that play in process: no
	/// account, no network. Its channels, with stable ids:
	///   1 "Mire de test"        testsrc2, 640x360, 1 kHz tone
	///   2 "Mire HD"             testsrc2, 1280x720, 1 kHz tone
	///   3 "Barres et tonalité"  SMPTE HD colour bars, 640x360, 1 kHz tone
	///   4 "Horloge"             the local time written with drawtext, 640x360,
	///                           440 Hz tone; testsrc2 when there is no clock font
	/// in categories "1" (Démo) and "2" (Tests). Each channel's number is its
	/// id ("1" ... "4").
	///
	/// openProducer() gives a DemoProducer; resolve() has nothing to give.
	///
	/// Threads: every method may be called from any thread, concurrently:
	/// the catalog is immutable and producers share nothing.
	/// Errors: SourceException NotFound for an unknown channel, and from
	/// resolve(); ProviderError when a producer cannot be built.
{
public:
	DemoSource(const std::string& videoPreset, const std::string& clockFont);
		/// videoPreset is libx264's ("veryfast"). clockFont is a font file
		/// for the clock channel, usable in a filter graph; empty when
		/// FFmpeg has no drawtext filter or there is no font.

	std::string displayName() const override;
	std::vector<restream::SourceCategory> categories() override;
	std::vector<restream::SourceChannel> channels() override;

	restream::SourceAccount account() override;
		/// Active, no expiry, maxConnections 0 (no limit).

	restream::SourceInput resolve(Poco::Int64 streamId) override;
		/// Always throws SourceException NotFound: demo channels have no
		/// URL, the host plays them through openProducer().

	std::unique_ptr<restream::PacketProducer> openProducer(Poco::Int64 streamId) override;
		/// A new DemoProducer of the channel, owned by the caller; it may
		/// outlive the source, not the plugin's library.

private:
	const DemoChannel& channel(Poco::Int64 streamId) const;
		/// The channel of that id, or SourceException NotFound.

	static std::vector<DemoChannel> makeChannels(const std::string& clockFont);

	const std::string _videoPreset;
	const std::vector<DemoChannel> _channels;
};

} // namespace sourcedemo

#endif // sourcedemo_DemoSource_INCLUDED
