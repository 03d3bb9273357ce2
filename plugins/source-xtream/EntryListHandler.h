//
// EntryListHandler.h
//
// Reads a JSON array of objects event by event, without building a DOM.
//

#ifndef sourcextream_EntryListHandler_INCLUDED
#define sourcextream_EntryListHandler_INCLUDED

#include "JsonField.h"
#include <Poco/JSON/Handler.h>
#include <functional>
#include <string>
#include <vector>

namespace sourcextream {

class EntryListHandler : public Poco::JSON::Handler
	/// A Poco::JSON::Parser handler for a top-level array of flat objects,
	/// such as get_live_streams: for each object it gathers the values of the
	/// wanted keys and hands them to the entry callback, in the order of the
	/// keys given. Keys that are not wanted, and whatever is nested inside an
	/// entry, are skipped without being stored, so memory stays at one entry
	/// whatever the length of the list.
	///
	/// Elements of the array that are not objects are counted (see
	/// nonObjects()), not passed on. A top-level value that is not an array
	/// gives no entries: the caller checks the shape of the document first.
	///
	/// Threads: one parse at a time.
	/// Errors: whatever the callback throws goes through the parser to its
	/// caller.
{
public:
	using Callback = std::function<void(const std::vector<JsonField>& fields)>;

	EntryListHandler(std::vector<std::string> keys, Callback callback);
		/// keys: the keys to gather; callback: called once per object of the
		/// array, with one field per key (Missing when absent).

	std::size_t nonObjects() const;
		/// The number of elements of the array that were not objects.

	void reset() override;
	void startObject() override;
	void endObject() override;
	void startArray() override;
	void endArray() override;
	void key(const std::string& name) override;
	void null() override;
	void value(int v) override;
	void value(unsigned v) override;
	void value(Poco::Int64 v) override;
	void value(Poco::UInt64 v) override;
	void value(const std::string& v) override;
	void value(double v) override;
	void value(bool v) override;

private:
	JsonField* slot();
		/// The field the next scalar goes to: the wanted key's field inside
		/// an entry, else null (and a scalar element of the array is
		/// counted as a non-object).

	void nested();
		/// Notes an object or array that is not an entry.

	enum Depth
	{
		OUTSIDE = 0, /// before or after the top-level array
		LIST = 1,    /// inside the array, between entries
		ENTRY = 2    /// inside an entry; deeper: nested in one of its values
	};

	const std::vector<std::string> _keys;
	const Callback _callback;
	std::vector<JsonField> _fields;
	int _depth = OUTSIDE;
	bool _inList = false;  /// the top-level value is an array
	bool _inEntry = false; /// an entry is open at depth ENTRY
	int _slot = -1;
	std::size_t _nonObjects = 0;
};

} // namespace sourcextream

#endif // sourcextream_EntryListHandler_INCLUDED
