//
// PanelTimeZone.cpp
//
// Library: fakeprovider
//


#include "PanelTimeZone.h"
#include "Poco/Timespan.h"


namespace fakeprovider {


namespace {


int lastSundayOf(int year, int month)
{
	const int days = Poco::DateTime::daysOfMonth(year, month);
	return days - Poco::DateTime(year, month, days).dayOfWeek();
}


} // namespace


PanelTimeZone::PanelTimeZone(const std::string& name):
	_paris(name == "Europe/Paris")
{
}


int PanelTimeZone::offsetSeconds(const Poco::Timestamp& time) const
{
	if (!_paris) return 0;
	const Poco::DateTime utc(time);
	const int year = utc.year();
	const Poco::DateTime summerStart(year, 3, lastSundayOf(year, 3), 1);
	const Poco::DateTime summerEnd(year, 10, lastSundayOf(year, 10), 1);
	return utc >= summerStart && utc < summerEnd ? 7200 : 3600;
}


Poco::DateTime PanelTimeZone::localTime(const Poco::Timestamp& time) const
{
	Poco::DateTime local(time);
	local += Poco::Timespan(offsetSeconds(time), 0);
	return local;
}


} // namespace fakeprovider
