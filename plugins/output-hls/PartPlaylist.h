//
// PartPlaylist.h
//
// The low-latency (LL-HLS, fMP4) rendition of one sink.
//

#ifndef outputhls_PartPlaylist_INCLUDED
#define outputhls_PartPlaylist_INCLUDED

#include "HlsPaths.h"
#include "Part.h"
#include "PartSegment.h"
#include "ProgramDates.h"
#include <Poco/Timespan.h>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace outputhls {

class PartPlaylist
	/// What the CmafSegmenter of one sink has published: the init segment
	/// of each run still referred to, the last windowSize + keepSegments
	/// complete segments (the last PARTS_SERVED with their parts), the open
	/// segment's parts, and the
	/// LL-HLS playlist texts rendered once per part (RFC 8216bis: EXT-X-MAP,
	/// EXT-X-PART-INF, EXT-X-SERVER-CONTROL with CAN-BLOCK-RELOAD and a
	/// PART-HOLD-BACK of three part targets, EXT-X-PART for the segments of
	/// the last PARTS_LISTED complete ones and the open one, and
	/// EXT-X-PRELOAD-HINT naming the next part).
	///
	/// Continuity: the rules of the TS playlist, HlsChannel's, from the same
	/// numbers. Its segments are cut at the keyframes the TS segments are
	/// cut at, so segment n of both renditions holds the same media and the
	/// sequence the TS playlist carries on from serves this one too. A new
	/// run is an EXT-X-DISCONTINUITY with its own init segment (a new MAP
	/// URI), dates follow ProgramDates.
	///
	/// Threads: any method from any thread; one lock, held to copy pointers
	/// and to render the playlist once per part.
{
public:
	static const std::size_t PARTS_LISTED = 3;
		/// Complete segments whose parts the playlist still lists.
	static const std::size_t PARTS_SERVED = PARTS_LISTED + 2;
		/// Complete segments whose parts are still served (one more than
		/// listed at the end of a run, when no segment is open, and one more
		/// for a client that read the playlist before). Older segments are
		/// served whole only: their parts answer 404 and hold no memory.

	struct Start
		/// Where the playlist carries on from (HlsChannel::Continuity's numbers).
	{
		Poco::UInt64 sequence = 0;
		Poco::UInt64 discontinuitySequence = 0;
		bool carriesOn = false;
		Poco::Timestamp programDateEnd;
	};

	PartPlaylist(Poco::Int64 streamId, const std::string& token, const Start& start, std::size_t windowSize,
		std::size_t keepSegments, Poco::Timespan segmentTarget, Poco::Timespan partTarget);

	void publish(Part part, bool last = false);
		/// Adds a complete part: it opens a segment when it starts one (the open
		/// one is complete then), a new run when its init segment is new.
		/// Ignored once ended. Errors: std::bad_alloc only.

	void end();
		/// The open segment is complete and the playlist says EXT-X-ENDLIST.
		/// Idempotent.

	void close();
		/// Drops everything. Idempotent.

	std::shared_ptr<const std::string> playlist(HlsPaths::PlaylistLocation location) const;
		/// The current playlist text, or null before the first segment is
		/// complete (hls.js cannot start from parts alone).

	std::shared_ptr<const std::string> media(const HlsPaths::Media& name) const;
		/// The bytes of an init segment, complete segment or part while kept, else null.

	enum class Reload
		/// What a blocking playlist reload (_HLS_msn, _HLS_part) finds.
	{
		Ready,    /// the playlist holds the asked segment or part
		Ended,    /// it never will: the playlist has ended without it
		Wait,     /// it may come
		TooFar    /// the segment is more than two beyond the last one
	};

	Reload reload(Poco::UInt64 sequence, bool hasPart, std::size_t part) const;
		/// Ready once segment sequence is complete, or (hasPart) once its
		/// part part exists; from then on, every playlist() holds it (or has
		/// moved past it). Wait before the first part.

	Poco::Timestamp dateEnd() const;
		/// When the last segment ended (its PDT + EXTINF), where a next sink's dates carry on.

	Poco::UInt64 nextSequence() const;
		/// The first number no segment (complete or open) has used.

	Poco::UInt64 discontinuitySequence() const;
		/// The discontinuities so far.

	Poco::Timespan targetDuration() const;
		/// The current EXT-X-TARGETDURATION.

private:
	void completeOpen();
		/// With _mutex held.
	void render();
		/// With _mutex held.
	std::string renderText(const std::string& folder) const;
	std::string partLines(const PartSegment& segment, const std::string& folder) const;

	const Poco::Int64 _streamId;
	const std::string _token;
	const std::size_t _windowSize;
	const std::size_t _keepSegments;
	const Poco::Int64 _partTarget;  // microseconds
	const bool _carriesOn;
	const Poco::UInt64 _firstSequence;

	mutable std::mutex _mutex;
	std::deque<PartSegment> _segments;  // complete
	PartSegment _open;                  // no parts: none open
	std::map<Poco::UInt64, std::shared_ptr<const std::string>> _inits;  // by run
	std::shared_ptr<const std::string> _currentInit;
	Poco::UInt64 _run = 0;
	Poco::UInt64 _nextSequence;
	Poco::UInt64 _discontinuitySequence;
	ProgramDates _dates;
	int _targetDuration;
	bool _ended = false;
	std::shared_ptr<const std::string> _rootPlaylist;
	std::shared_ptr<const std::string> _folderPlaylist;
};

} // namespace outputhls

#endif // outputhls_PartPlaylist_INCLUDED
