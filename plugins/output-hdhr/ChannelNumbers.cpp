//
// ChannelNumbers.cpp
//

#include "ChannelNumbers.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <set>

namespace outputhdhr {

namespace {

long long leadingNumber(const std::string& number)
	/// The whole number number starts with ("5.1" → 5), 0 when none.
{
	long long value = 0;
	for (const char c : number)
	{
		if (c < '0' || c > '9' || value > 100000000000LL) break;
		value = value * 10 + (c - '0');
	}
	return value;
}

} // namespace

ChannelNumbers::ChannelNumbers(std::string path, Poco::Logger& logger):
	_path(std::move(path)),
	_logger(logger)
{
}

std::vector<std::string> ChannelNumbers::assign(const std::vector<restream::ChannelInfo>& channels)
{
	if (!_loaded) load();
	std::vector<std::string> numbers(channels.size());
	std::set<std::string> taken;
	long long highest = 0;
	std::vector<std::size_t> unnumbered;
	for (std::size_t i = 0; i < channels.size(); ++i)
	{
		const std::string& own = channels[i].number;
		if (!own.empty() && taken.insert(own).second)
		{
			numbers[i] = own;
			highest = std::max(highest, leadingNumber(own));
		}
		else
			unnumbered.push_back(i);
	}
	bool changed = false;
	for (const auto& kept : _kept) highest = std::max(highest, leadingNumber(kept.second));
	for (const std::size_t i : unnumbered)
	{
		const Poco::Int64 streamId = channels[i].streamId;
		const auto kept = _kept.find(streamId);
		if (kept != _kept.end() && taken.insert(kept->second).second)
		{
			numbers[i] = kept->second;
			continue;
		}
		std::string number;
		do
			number = std::to_string(++highest);
		while (!taken.insert(number).second);
		if (kept != _kept.end())
			_logger.warning("channel %Ld loses its GuideNumber %s to another channel's own number; it is now %s", streamId, kept->second, number);
		_kept[streamId] = number;
		numbers[i] = number;
		changed = true;
	}
	if (changed) save();
	return numbers;
}

void ChannelNumbers::load()
{
	_loaded = true;
	if (!Poco::File(_path).exists()) return;
	try
	{
		Poco::FileInputStream in(_path);
		const auto object = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
		for (const auto& entry : *object)
		{
			Poco::Int64 streamId = 0;
			if (Poco::NumberParser::tryParse64(entry.first, streamId) && entry.second.isString())
				_kept[streamId] = entry.second.extract<std::string>();
		}
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("%s is unreadable (%s); channels without a number of their own get new GuideNumbers", _path, exc.displayText());
		_kept.clear();
	}
}

void ChannelNumbers::save() const
{
	Poco::JSON::Object object;
	for (const auto& kept : _kept) object.set(std::to_string(kept.first), kept.second);
	const std::string temporary = _path + ".new";
	try
	{
		{
			Poco::FileOutputStream out(temporary);
			object.stringify(out);
			out.close();
			if (!out.good()) throw Poco::WriteFileException(temporary);
		}
		Poco::File(temporary).renameTo(_path);
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("cannot keep the GuideNumbers in %s (%s): they may change at the next start", _path, exc.displayText());
	}
}

} // namespace outputhdhr
