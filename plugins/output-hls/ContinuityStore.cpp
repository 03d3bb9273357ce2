//
// ContinuityStore.cpp
//

#include "ContinuityStore.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace outputhls {

ContinuityStore::ContinuityStore(std::string path):
	_path(std::move(path))
{
	if (_path.empty() || !Poco::File(_path).exists()) return;
	try
	{
		Poco::FileInputStream input(_path);
		const auto document = Poco::JSON::Parser().parse(input).extract<Poco::JSON::Object::Ptr>();
		for (const auto& entry : *document)
		{
			const auto numbers = entry.second.extract<Poco::JSON::Object::Ptr>();
			Numbers loaded;
			loaded.sequence = numbers->getValue<Poco::UInt64>("sequence");
			loaded.discontinuity = numbers->getValue<Poco::UInt64>("discontinuity");
			_loaded[entry.first] = loaded;
		}
	}
	catch (const Poco::Exception&)
	{
		_loaded.clear(); // an unreadable file: numbers start afresh, as for a new installation
	}
	_reserved = _loaded;
}

bool ContinuityStore::find(const std::string& key, Numbers& numbers) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	const auto found = _loaded.find(key);
	if (found == _loaded.end()) return false;
	numbers = found->second;
	return true;
}

bool ContinuityStore::reserve(const std::string& key, const Numbers& upTo)
{
	std::lock_guard<std::mutex> lock(_mutex);
	Numbers& reserved = _reserved[key];
	if (upTo.sequence <= reserved.sequence && upTo.discontinuity <= reserved.discontinuity) return true;
	reserved.sequence = std::max(reserved.sequence, upTo.sequence);
	reserved.discontinuity = std::max(reserved.discontinuity, upTo.discontinuity);
	return write();
}

bool ContinuityStore::write() const
{
	if (_path.empty()) return true;
	Poco::JSON::Object document;
	for (const auto& entry : _reserved)
	{
		Poco::JSON::Object::Ptr numbers = new Poco::JSON::Object;
		numbers->set("sequence", entry.second.sequence);
		numbers->set("discontinuity", entry.second.discontinuity);
		document.set(entry.first, numbers);
	}
	std::ostringstream text;
	document.stringify(text);
	const std::string content = text.str();
	const std::string temporary = _path + ".tmp";
	const int file = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (file < 0) return false;
	const bool written = ::write(file, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && ::fsync(file) == 0;
	::close(file);
	return written && ::rename(temporary.c_str(), _path.c_str()) == 0;
}

} // namespace outputhls
