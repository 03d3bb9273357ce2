//
// ProgramDates.cpp
//

#include "ProgramDates.h"

namespace outputhls {

ProgramDates::ProgramDates(bool dated, const Poco::Timestamp& end):
	_dated(dated),
	_end(end)
{
}

Poco::Timestamp ProgramDates::place(const Poco::Timestamp& mediaDate, bool newRun)
{
	if (newRun || !_dated)
	{
		_runShift = 0;
		if (_dated && mediaDate < _end) _runShift = _end - mediaDate;
	}
	_dated = true;
	return mediaDate + _runShift;
}

void ProgramDates::endAt(const Poco::Timestamp& end)
{
	_end = end;
}

bool ProgramDates::dated() const
{
	return _dated;
}

const Poco::Timestamp& ProgramDates::end() const
{
	return _end;
}

} // namespace outputhls
