//
// HlsChannel.h
//
// What one sink has published: its segments, playlists and audience.
//

#ifndef restream_hls_HlsChannel_INCLUDED
#define restream_hls_HlsChannel_INCLUDED

#include "HlsPaths.h"
#include "HlsSettings.h"
#include "Segment.h"
#include "ViewerTracker.h"
#include "restream/ChannelInfo.h"
#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace restream {
namespace hls {

class HlsChannel
	/// The published state of one sink of one channel: the last windowSize
	/// + keepSegments segments, the playlist texts rendered once per new
	/// segment, and the viewers and bytes served. The pipeline's thread
	/// publishes; HTTP threads read. Readers get shared pointers to immutable
	/// strings, so a slow viewer never holds a lock or copies a segment.
	///
	/// Media sequence numbers rise by one per segment and never go back; the
	/// target duration never decreases. A channel made to carry on from an
	/// earlier sink of the same stream (see Continuity) continues its numbers
	/// and flags its first segment as a discontinuity.
	///
	/// Threads: any method from any thread; locks are held only to copy or
	/// swap pointers (and to render the playlist once per segment).
{
public:
	struct Continuity
		/// Where a later sink of the same stream carries on.
	{
		Poco::UInt64 nextSequence = 0;
		Poco::UInt64 discontinuitySequence = 0;
		bool published = false; /// whether any segment came before
	};

	HlsChannel(const ChannelInfo& info, const std::string& token, const Continuity& from, const HlsSettings& settings);
		/// token names this channel's segments (see HlsPaths).

	Poco::Int64 streamId() const;
	const std::string& token() const;

	void publish(Segment segment);
		/// Adds a complete segment, sets its sequence, discontinuity sequence
		/// and name, drops the oldest beyond windowSize + keepSegments and
		/// renders the playlists. Ignored once closed.
		/// Errors: std::bad_alloc only.

	void close();
		/// The sink ended: drops every segment and playlist and the viewers;
		/// later publish() calls are ignored. Idempotent.

	std::shared_ptr<const std::string> playlist(HlsPaths::PlaylistLocation location) const;
		/// The current playlist for a client at location, or null when no
		/// segment is complete yet or the channel is closed.

	std::shared_ptr<const std::string> segment(Poco::UInt64 sequence) const;
		/// The bytes of the segment numbered sequence while it is kept, else null.

	void served(const std::string& address, const std::string& userAgent, std::size_t bytes);
		/// Counts a request of a viewer that was sent bytes of body.

	bool playable() const;
		/// True while at least one segment is published and the channel is open.

	int viewers() const;
	Poco::UInt64 bytesServed() const;

	Continuity continuity() const;
		/// Where a next sink of the same stream carries on from this one.

private:
	const Poco::Int64 _streamId;
	const std::string _token;
	const std::size_t _windowSize;
	const std::size_t _keepSegments;
	const bool _carriesOn;
	const Poco::UInt64 _firstSequence;
	ViewerTracker _viewers;
	std::atomic<Poco::UInt64> _bytesServed{0};

	mutable std::mutex _mutex;
	std::deque<Segment> _segments;
	std::shared_ptr<const std::string> _rootPlaylist;
	std::shared_ptr<const std::string> _folderPlaylist;
	Poco::UInt64 _nextSequence;
	Poco::UInt64 _discontinuitySequence;
	int _targetDuration = 0;
	bool _closed = false;
};

} // namespace hls
} // namespace restream

#endif // restream_hls_HlsChannel_INCLUDED
