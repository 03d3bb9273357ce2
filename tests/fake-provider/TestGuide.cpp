//
// TestGuide.cpp
//


#include "TestGuide.h"
#include "Poco/DateTime.h"
#include "Poco/NumberParser.h"
#include "Poco/SAX/Attributes.h"
#include "Poco/SAX/InputSource.h"
#include "Poco/SAX/SAXParser.h"
#include <cctype>


namespace {


int rankInChannel(const std::string& name)
{
	if (name == "display-name") return 1;
	if (name == "icon") return 2;
	return 0;
}


int rankInProgramme(const std::string& name)
{
	if (name == "title") return 1;
	if (name == "desc") return 2;
	if (name == "category") return 3;
	return 0;
}


} // namespace


void TestGuide::parse(std::istream& in)
{
	Poco::XML::SAXParser parser;
	parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false); // XMLTV has none: elements and attributes by their plain names
	parser.setContentHandler(this);
	Poco::XML::InputSource source(in);
	parser.parse(&source);
}


const std::vector<TestGuide::Channel>& TestGuide::channels() const
{
	return _channels;
}


std::size_t TestGuide::programmes() const
{
	return _programmes;
}


const std::set<std::string>& TestGuide::titles() const
{
	return _titles;
}


const std::vector<std::string>& TestGuide::problems() const
{
	return _problems;
}


Poco::UInt64 TestGuide::bytes() const
{
	return _bytes;
}


void TestGuide::startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& name,
	const Poco::XML::Attributes& attributes)
{
	_text.clear();
	for (int i = 0; i < attributes.getLength(); ++i) _bytes += attributes.getValue(i).size();
	const std::string parent = _path.empty() ? std::string() : _path.back();
	_path.push_back(name);
	if (parent.empty())
	{
		if (name != "tv") problem("root element " + name);
	}
	else if (parent == "tv")
	{
		_childRank = 0;
		if (name == "channel")
		{
			if (_programmes > 0) problem("channel after a programme");
			Channel channel;
			channel.id = attributes.getValue("id");
			if (channel.id.empty() || !_index.emplace(channel.id, _channels.size()).second) problem("channel id '" + channel.id + "'");
			_channels.push_back(channel);
		}
		else if (name == "programme")
		{
			++_programmes;
			auto it = _index.find(attributes.getValue("channel"));
			Poco::Int64 start = 0;
			Poco::Int64 stop = 0;
			if (it == _index.end()) return problem("programme of an undeclared channel " + attributes.getValue("channel"));
			if (!parseTime(attributes.getValue("start"), start) || !parseTime(attributes.getValue("stop"), stop) || stop <= start)
				return problem("programme times " + attributes.getValue("start") + " - " + attributes.getValue("stop"));
			Channel& channel = _channels[it->second];
			if (channel.programmes == 0) channel.firstStart = start;
			else if (start != channel.lastStop) problem("gap or overlap before " + attributes.getValue("start") + " on " + channel.id);
			channel.lastStop = stop;
			++channel.programmes;
		}
		else problem("element " + name + " in tv");
	}
	else if (parent == "channel" || parent == "programme")
	{
		const int rank = parent == "channel" ? rankInChannel(name) : rankInProgramme(name);
		if (rank == 0 || rank < _childRank) problem("element " + name + " in " + parent + " (out of order or unknown)");
		_childRank = rank;
		if (name == "icon" && !_channels.empty()) _channels.back().icon = attributes.getValue("src");
	}
	else problem("element " + name + " in " + parent);
}


void TestGuide::endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& name)
{
	_path.pop_back();
	if (_path.empty()) return;
	if (name == "display-name" && _path.back() == "channel" && !_channels.empty()) _channels.back().name = _text;
	else if (name == "title" && _path.back() == "programme") _titles.insert(_text);
	else if ((name == "channel" || name == "programme") && _childRank == 0) problem(name + " without children");
	_text.clear();
}


void TestGuide::characters(const Poco::XML::XMLChar ch[], int start, int length)
{
	_text.append(ch + start, static_cast<std::size_t>(length));
	_bytes += static_cast<Poco::UInt64>(length);
}


void TestGuide::problem(const std::string& text)
{
	if (_problems.size() < 20) _problems.push_back(text);
}


bool TestGuide::parseTime(const std::string& text, Poco::Int64& unixSeconds)
	/// "YYYYMMDDhhmmss +hhmm" to Unix seconds.
{
	if (text.size() != 20 || text[14] != ' ' || (text[15] != '+' && text[15] != '-')) return false;
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		if (i != 14 && i != 15 && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
	}
	const auto number = [&](std::size_t at, std::size_t length) { return Poco::NumberParser::parse(text.substr(at, length)); };
	const Poco::DateTime local(number(0, 4), number(4, 2), number(6, 2), number(8, 2), number(10, 2), number(12, 2));
	const int offset = (text[15] == '-' ? -1 : 1) * (number(16, 2) * 3600 + number(18, 2) * 60);
	unixSeconds = local.timestamp().epochTime() - offset;
	return true;
}
