//
// MediaClock.h
//
// The wall-clock time of a run's media, for EXT-X-PROGRAM-DATE-TIME.
//

#ifndef outputhls_MediaClock_INCLUDED
#define outputhls_MediaClock_INCLUDED

#include <Poco/Timestamp.h>
#include <Poco/Types.h>

namespace outputhls {

class MediaClock
	/// Maps the presentation times of one run of media (microseconds) to the
	/// wall clock, so that a playlist's EXT-X-PROGRAM-DATE-TIME of segment n+1
	/// is that of segment n plus its EXTINF, exactly, and close to when the
	/// media reached restream.
	///
	/// A run starts with a burst (what the upstream's probe buffered comes
	/// all at once), then flows in real time. The anchor (the wall time of
	/// presentation time 0) is the earliest any packet allows: arrival time
	/// minus presentation time, its minimum over the packets seen; it settles
	/// at the end of the burst. Once the run's first segment is dated the
	/// anchor is fixed (fix()), so later segments follow the media's own
	/// clock and never jitter with the network or the CPU.
	///
	/// Threads: one thread (the sink's).
{
public:
	void restart();
		/// A new run: the anchor is found again.

	void observe(Poco::Int64 presentation, const Poco::Timestamp& arrival = Poco::Timestamp());
		/// A packet of presentation time (µs) arrived at arrival.

	Poco::Timestamp at(Poco::Int64 presentation) const;
		/// The wall time of presentation (µs). Only after an observe().

	void fix();
		/// The anchor stops moving for the rest of the run.

private:
	bool _anchored = false;
	bool _fixed = false;
	Poco::Int64 _anchor = 0; // epoch µs of presentation time 0
};

} // namespace outputhls

#endif // outputhls_MediaClock_INCLUDED
