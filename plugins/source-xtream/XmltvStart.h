//
// XmltvStart.h
//
// Telling an XMLTV guide from what else a provider may answer, by its first bytes.
//

#ifndef sourcextream_XmltvStart_INCLUDED
#define sourcextream_XmltvStart_INCLUDED

#include <cstddef>
#include <string>

namespace sourcextream {

class XmltvStart
	/// Decides from the first bytes of an answer to xmltv.php whether it is
	/// an XMLTV guide: after an optional UTF-8 byte-order mark and white
	/// space, XML declarations and processing instructions (<?...?>),
	/// comments and a document type declaration other than HTML's may come,
	/// then the root element must be <tv>. Panels answer a wrong login, a
	/// disabled guide or a blocked client with an empty body, JSON, an HTML
	/// page or a word: none of them passes.
	///
	/// Stateless; the methods are static.
{
public:
	static std::string problem(const std::string& start);
		/// Returns "" when start, the first bytes of the answer (SIZE, or
		/// all when shorter), opens an XMLTV document; else what the answer
		/// is instead, for a message: "an empty answer", "JSON", "an HTML
		/// page", "an XML document whose root is <rss>", the text
		/// "blocked" (quoted, at most 40 characters, control and non-ASCII
		/// characters replaced) or "no <tv> element in its first 4 KiB".
		/// The caller redacts it: it may quote the answer.

	static const std::size_t SIZE = 4096;
		/// The bytes needed to decide.

private:
	static std::string excerpt(const std::string& text, std::size_t from);
};

} // namespace sourcextream

#endif // sourcextream_XmltvStart_INCLUDED
