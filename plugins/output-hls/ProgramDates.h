//
// ProgramDates.h
//
// The EXT-X-PROGRAM-DATE-TIME line of one playlist across its runs.
//

#ifndef outputhls_ProgramDates_INCLUDED
#define outputhls_ProgramDates_INCLUDED

#include <Poco/Timestamp.h>

namespace outputhls {

class ProgramDates
	/// Keeps a playlist's dates in order: a run's dates come from its own
	/// MediaClock, shifted so the run never starts before the run before it
	/// ended; within a run a segment's date is its media's. A value type;
	/// not thread-safe (its owner's lock guards it).
{
public:
	ProgramDates() = default;
	ProgramDates(bool dated, const Poco::Timestamp& end);
		/// Carries on from a playlist whose last segment ended at end (when dated).

	Poco::Timestamp place(const Poco::Timestamp& mediaDate, bool newRun);
		/// The date of a segment whose media says mediaDate; newRun for the
		/// first segment of a run (the shift is found again).

	void endAt(const Poco::Timestamp& end);
		/// The last segment placed now ends at end (its date + its duration).

	bool dated() const;
	const Poco::Timestamp& end() const;

private:
	bool _dated = false;
	Poco::Timestamp _end;
	Poco::Timestamp::TimeDiff _runShift = 0;
};

} // namespace outputhls

#endif // outputhls_ProgramDates_INCLUDED
