//
// HlsChannel.h
//
// What one sink has published: its segments, playlists and audience.
//

#ifndef outputhls_HlsChannel_INCLUDED
#define outputhls_HlsChannel_INCLUDED

#include "ContinuityStore.h"
#include "HlsPaths.h"
#include "HlsSettings.h"
#include "PartPlaylist.h"
#include "ProgramDates.h"
#include "Segment.h"
#include "ViewerTracker.h"
#include <Poco/Timestamp.h>
#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace outputhls {

class HlsChannel
	/// The published state of one sink of a channel (or of the program): the
	/// last windowSize + keepSegments segments, the playlist texts rendered
	/// once per new segment, and the viewers and bytes served. The sink's
	/// thread publishes; HTTP threads read. Readers get shared pointers to
	/// immutable strings, so a slow viewer never holds a lock or copies a
	/// segment.
	///
	/// The playlist follows RFC 8216 6.2.1 as a machine: media sequence
	/// numbers rise by one per segment and never go back, also across the
	/// sinks of one playlist and across restarts (Continuity, from the
	/// ContinuityStore); the target duration never decreases; a new run
	/// (reconnect, switch, new sink, restart) is an EXT-X-DISCONTINUITY and
	/// EXT-X-DISCONTINUITY-SEQUENCE stays right as tagged segments leave the
	/// window; EXT-X-PROGRAM-DATE-TIME of a segment is its predecessor's plus
	/// its EXTINF, and a run never starts before the one before it ended.
	/// When the sink ends, the playlist says EXT-X-ENDLIST and is served
	/// until the directory drops it.
	///
	/// Beside it, the sink's low-latency rendition (lowLatency()) carries on
	/// from the same numbers and ends and closes with it.
	///
	/// Threads: any method from any thread; locks are held only to copy or
	/// swap pointers (and to render the playlist once per segment).
{
public:
	struct Continuity
		/// Where a later sink of the same playlist carries on.
	{
		Poco::UInt64 nextSequence = 0;
		Poco::UInt64 discontinuitySequence = 0;
		bool published = false;          /// whether any segment came before
		Poco::Timestamp programDateEnd;  /// when the last segment before ended (its PDT + EXTINF)
		Poco::UInt64 lowLatencySequence = 0;              /// the low-latency rendition's next number: its
		Poco::UInt64 lowLatencyDiscontinuitySequence = 0; /// segments are the TS ones, but an open one counts
		Poco::Timestamp lowLatencyDateEnd;                /// its dates' end (its own clock)

		void carryOnAfter(const Continuity& other);
			/// Every number and date at least other's.
	};

	HlsChannel(Poco::Int64 streamId, const std::string& key, const std::string& token, const Continuity& from,
		const HlsSettings& settings, std::shared_ptr<ContinuityStore> store);
		/// streamId 0 is the program. key names the playlist in the store;
		/// token names this sink's segments (see HlsPaths).

	Poco::Int64 streamId() const;
	const std::string& key() const;
	const std::string& token() const;

	void publish(Segment segment, bool last = false);
		/// Adds a complete segment, sets its sequence, discontinuity sequence,
		/// date and name, drops the oldest beyond windowSize + keepSegments and
		/// renders the playlists. Ignored once ended. When last, the same
		/// rendering also ends the playlists (as end() does): a player sees
		/// the final segment and EXT-X-ENDLIST together, which video.js
		/// needs to end (it ends only after appending a segment of an ended
		/// playlist).
		/// Errors: std::bad_alloc only.

	void end();
		/// The sink ended: the playlists get EXT-X-ENDLIST; later publish()
		/// calls are ignored. Idempotent.

	void close();
		/// Drops every segment, playlist and viewer. Idempotent.

	bool ended() const;
	bool expired(const Poco::Timespan& grace) const;
		/// Ended more than grace ago.

	std::shared_ptr<const std::string> playlist(HlsPaths::PlaylistLocation location) const;
		/// The current playlist for a client at location, or null when no
		/// segment is complete yet or the channel is closed.

	std::shared_ptr<const std::string> segment(Poco::UInt64 sequence) const;
		/// The bytes of the segment numbered sequence while it is kept, else null.

	PartPlaylist& lowLatency();
		/// The low-latency (fMP4) rendition of the same sink.

	void served(const std::string& address, const std::string& userAgent, std::size_t bytes);
		/// Counts a request of a viewer that was sent bytes of body.

	bool playable() const;
		/// True while at least one segment is published and the sink runs.

	int viewers() const;
	Poco::UInt64 bytesServed() const;

	Continuity continuity() const;
		/// Where a next sink of the same playlist carries on from this one.

private:
	void render();
		/// With _mutex held.

	const Poco::Int64 _streamId;
	const std::string _key;
	const std::string _token;
	const std::size_t _windowSize;
	const std::size_t _keepSegments;
	const bool _carriesOn;
	const Poco::UInt64 _firstSequence;
	const std::shared_ptr<ContinuityStore> _store;
	ViewerTracker _viewers;
	PartPlaylist _lowLatency;
	std::atomic<Poco::UInt64> _bytesServed{0};

	mutable std::mutex _mutex;
	std::deque<Segment> _segments;
	std::shared_ptr<const std::string> _rootPlaylist;
	std::shared_ptr<const std::string> _folderPlaylist;
	Poco::UInt64 _nextSequence;
	Poco::UInt64 _discontinuitySequence;
	ContinuityStore::Numbers _reserved;
	ProgramDates _dates;
	int _targetDuration = 0;
	bool _ended = false;
	Poco::Timestamp _endedAt;
	bool _closed = false;
};

} // namespace outputhls

#endif // outputhls_HlsChannel_INCLUDED
