//
// PanelTimeZone.h
//
// Library: fakeprovider
//
// The time zone of the panel's local times.
//


#ifndef FakeProvider_PanelTimeZone_INCLUDED
#define FakeProvider_PanelTimeZone_INCLUDED


#include "Poco/DateTime.h"
#include "Poco/Timestamp.h"
#include <string>


namespace fakeprovider {


class PanelTimeZone
	/// Europe/Paris (CET, CEST by the EU summer time rule); any other name is taken as UTC.
	/// Immutable: thread-safe.
{
public:
	explicit PanelTimeZone(const std::string& name);

	int offsetSeconds(const Poco::Timestamp& time) const;
		/// Local time minus UTC at that instant.

	Poco::DateTime localTime(const Poco::Timestamp& time) const;

private:
	const bool _paris;
};


} // namespace fakeprovider


#endif // FakeProvider_PanelTimeZone_INCLUDED
