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

void LiveState::save(Poco::Int64 program, const std::vector<Poco::Int64>& pinned) const
{
	if (_path.empty()) return;
	Poco::JSON::Object document;
	document.set("version", 2);
	document.set("primary", program > 0 ? Poco::Dynamic::Var(program) : Poco::Dynamic::Var());
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (Poco::Int64 channel : pinned) list->add(channel);
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

bool LiveState::load(Poco::Int64& program, std::vector<Poco::Int64>& pinned) const
{
	program = 0;
	pinned.clear();
	if (_path.empty() || !Poco::File(_path).exists()) return false;
	try
	{
		Poco::FileInputStream input(_path);
		auto document = Poco::JSON::Parser().parse(input).extract<Poco::JSON::Object::Ptr>();
		if (!document->isNull("primary")) program = document->getValue<Poco::Int64>("primary");
		const bool listsPrimary = document->optValue<int>("version", 1) == 1; // version 1 listed the primary among the channels
		auto list = document->getArray("channels");
		for (std::size_t i = 0; list && i < list->size(); ++i)
		{
			const auto channel = list->getElement<Poco::Int64>(static_cast<unsigned>(i));
			if (!listsPrimary || channel != program) pinned.push_back(channel);
		}
		return true;
	}
	catch (const Poco::Exception&)
	{
		program = 0;
		pinned.clear();
		return false;
	}
}

const std::string& LiveState::path() const
{
	return _path;
}

} // namespace restream::host
