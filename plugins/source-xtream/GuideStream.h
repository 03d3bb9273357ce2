//
// GuideStream.h
//
// A provider's XMLTV guide, read from the network as the caller reads it.
//

#ifndef sourcextream_GuideStream_INCLUDED
#define sourcextream_GuideStream_INCLUDED

#include "ProviderResponse.h"
#include "ReadBuffer.h"
#include "restream/SourceException.h"
#include <Poco/InflatingStream.h>
#include <Poco/Timestamp.h>
#include <istream>
#include <memory>
#include <string>

namespace restream {
class PluginContext;
}

namespace sourcextream {

class GuideStream : public std::istream
	/// The body of the answer to xmltv.php, as XMLTV text: read from the
	/// connection as the caller reads, never whole in memory (two 64 KiB
	/// buffers, and zlib's window when inflating), so a 500 MB guide costs
	/// what a small one does. A gzip body (Content-Encoding: gzip, or a
	/// .xml.gz file served as is: its magic bytes decide) is inflated.
	///
	/// It owns the response and its HTTP session: destroying the stream
	/// closes the connection, read to the end or not. Each read waits at
	/// most the provider's timeout for data; the whole transfer has no
	/// deadline of its own (the caller reads at its pace and stops when it
	/// likes). Destroying it logs, at debug level, the redacted URL, the
	/// bytes received and the time taken.
	///
	/// Threads: one thread at a time, like any istream.
	/// Errors: badbit is in the exception mask: a read that fails throws
	/// SourceException: Timeout, Unreachable, or ProviderError for a guide
	/// cut short (the text ends before </tv>, which also catches a chunked
	/// answer that stops early: Poco reads that as a normal end) or gzip
	/// that does not inflate. Messages name the host only.
{
public:
	GuideStream(const restream::PluginContext& context, std::unique_ptr<ProviderResponse> response);
		/// context must outlive the stream. Reads nothing yet.

	~GuideStream() override;

	void requireXmltv();
		/// Reads the first bytes (XmltvStart::SIZE at most, inflated) and
		/// keeps them for the reader; throws SourceException NotAPanel when
		/// they are not the start of an XMLTV guide (see XmltvStart), so that
		/// a wrong login or an HTML page is never taken for a guide.

	static const std::size_t TAIL_SIZE = 1024;
		/// The last bytes of text kept to check the end.

private:
	std::streamsize readText(char* buffer, std::streamsize size);
		/// Reads the text (inflated if need be), keeps its tail and checks
		/// the end.

	std::streamsize inflate(char* buffer, std::streamsize size);
	void requireEnd() const;
		/// Throws cutShort() unless the tail closes the root element.

	restream::SourceException cutShort() const;

	std::string host() const;

	const restream::PluginContext& _context;
	const Poco::Timestamp _started;
	std::unique_ptr<ProviderResponse> _response;
	ReadBuffer _received;
	std::istream _receivedStream;
	std::unique_ptr<Poco::InflatingInputStream> _inflater;
	ReadBuffer _text;
	std::string _tail;
	bool _receivedAll = false; /// the body's end was read
	bool _checked = false;     /// the start was XMLTV
	bool _ended = false;       /// the text's end was read
};

} // namespace sourcextream

#endif // sourcextream_GuideStream_INCLUDED
