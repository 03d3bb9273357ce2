//
// LiveState.cpp
//

#include "live/LiveState.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace restream::host {

namespace {

void throwErrno(const std::string& what, const std::string& path)
{
	throw Poco::FileException(what + " " + path, std::strerror(errno));
}

} // namespace

LiveState::LiveState(std::string path):
	_path(std::move(path))
{
}

void LiveState::save(Poco::Int64 primary, const std::vector<Poco::Int64>& channels) const
{
	if (_path.empty()) return;
	Poco::JSON::Object document;
	document.set("version", 1);
	document.set("primary", primary > 0 ? Poco::Dynamic::Var(primary) : Poco::Dynamic::Var());
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (Poco::Int64 channel : channels) list->add(channel);
	document.set("channels", list);
	std::ostringstream text;
	document.stringify(text);
	const std::string content = text.str();

	const std::string temporary = _path + ".tmp";
	const int file = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (file < 0) throwErrno("cannot write", temporary);
	const bool written = ::write(file, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && ::fsync(file) == 0;
	::close(file);
	if (!written) throwErrno("cannot write", temporary);
	if (::rename(temporary.c_str(), _path.c_str()) != 0) throwErrno("cannot replace", _path);
	const int directory = ::open(Poco::Path(_path).parent().toString().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (directory >= 0)
	{
		::fsync(directory);
		::close(directory);
	}
}

bool LiveState::load(Poco::Int64& primary, std::vector<Poco::Int64>& channels) const
{
	primary = 0;
	channels.clear();
	if (_path.empty() || !Poco::File(_path).exists()) return false;
	try
	{
		Poco::FileInputStream input(_path);
		auto document = Poco::JSON::Parser().parse(input).extract<Poco::JSON::Object::Ptr>();
		if (!document->isNull("primary")) primary = document->getValue<Poco::Int64>("primary");
		auto list = document->getArray("channels");
		for (std::size_t i = 0; list && i < list->size(); ++i) channels.push_back(list->getElement<Poco::Int64>(static_cast<unsigned>(i)));
		return true;
	}
	catch (const Poco::Exception&)
	{
		primary = 0;
		channels.clear();
		return false;
	}
}

const std::string& LiveState::path() const
{
	return _path;
}

} // namespace restream::host
