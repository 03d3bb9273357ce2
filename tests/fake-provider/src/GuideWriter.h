//
// GuideWriter.h
//
// Library: fakeprovider
//
// Writes the XMLTV guide of xmltv.php.
//


#ifndef FakeProvider_GuideWriter_INCLUDED
#define FakeProvider_GuideWriter_INCLUDED


#include "Catalog.h"
#include "PanelTimeZone.h"
#include "Poco/Timestamp.h"
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>


namespace fakeprovider {


class GuideWriter
	/// Generates an XMLTV document (valid against xmltv.dtd) while writing it, in pieces of
	/// PIECE bytes, so that its size is not bounded by memory: first one <channel> per guide
	/// channel (display-name, icon when the channel has a logo), then for each channel
	/// programmes from the start of the current local hour for the given hours, back to back,
	/// 15 min to 2 h long (title, desc, category; some titles carry '&', '"', '<' and '>').
	/// Times are local with their offset ("20261204180000 +0100").
	/// The guide channels are the catalog channels with an epg_channel_id, then, if more are
	/// asked for, guide-only channels "guideK.epg". References the catalog. Not thread-safe.
{
public:
	static constexpr std::size_t PIECE = 64 * 1024;

	GuideWriter(const Catalog& catalog, const std::string& baseUrl, const PanelTimeZone& zone, int channels, int hours);
		/// channels: 0 = every catalog channel with an epg_channel_id; N = exactly N.

	void write(std::ostream& out, const Poco::Timestamp& now);
		/// Writes the whole guide; stops early if out fails (the client went away).

	static std::string escape(const std::string& text);
		/// Text as XML character data or attribute value: & < > " ' as entities.

private:
	struct Channel
	{
		std::string id;      /// escaped
		std::string name;    /// escaped
		std::string iconUrl; /// escaped, "" without a logo
	};

	bool forEachChannel(const std::function<bool(const Channel& channel, std::size_t ordinal)>& visit) const;
		/// Visits the guide channels in order until visit returns false; returns false then.
	void writeProgrammes(const Channel& channel, std::size_t ordinal);
	bool flush(std::ostream& out, bool whole);
		/// Writes the buffer out when it reached PIECE bytes (or whole); false if out failed.

	const Catalog& _catalog;
	const std::string _baseUrl;
	const PanelTimeZone _zone;
	const int _channels;
	const int _hours;
	std::vector<std::string> _slots; /// formatted times, every 15 min of the window
	std::string _buffer;
};


} // namespace fakeprovider


#endif // FakeProvider_GuideWriter_INCLUDED
