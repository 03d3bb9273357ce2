//
// DecodingViewer.cpp
//

#include "DecodingViewer.h"
#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <regex>

namespace restream {
namespace test {

namespace {

const std::regex SHOWINFO(R"(\bpts:\s*(-?\d+)\s+pts_time:(-?[0-9.]+).*\bs:(\d+x\d+))");

} // namespace

DecodingViewer::DecodingViewer(const std::string& url)
{
	std::unique_ptr<Poco::Pipe> pipe(new Poco::Pipe);
	// repeat: no "Last message repeated" folding; level: every line says its level
	const std::vector<std::string> arguments = {"-nostdin", "-hide_banner", "-loglevel", "repeat+level+info", "-copyts", "-i", url,
		"-vf", "showinfo", "-f", "null", "-"};
	_process.reset(new Poco::ProcessHandle(Poco::Process::launch("ffmpeg", arguments, nullptr, nullptr, pipe.get())));
	_reader = std::thread([this, p = pipe.release()] { read(std::unique_ptr<Poco::Pipe>(p)); });
}

DecodingViewer::~DecodingViewer()
{
	stop();
}

void DecodingViewer::stop()
{
	if (!_process) return;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopping = true;
	}
	const Poco::ProcessHandle::PID pid = _process->id();
	try
	{
		Poco::Process::requestTermination(pid);
	}
	catch (const Poco::Exception&)
	{
		// it has exited already
	}
	const auto until = Clock::now() + std::chrono::seconds(5);
	for (;;)
	{
		{
			std::lock_guard<std::mutex> lock(_mutex);
			if (_logEnded) break;
		}
		if (Clock::now() >= until)
		{
			try
			{
				Poco::Process::kill(pid);
			}
			catch (const Poco::Exception&)
			{
				// gone meanwhile
			}
			break;
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
	_process->wait();
	_process.reset();
	if (_reader.joinable()) _reader.join();
}

bool DecodingViewer::exitedBeforeStop() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _endedBeforeStop;
}

std::vector<DecodingViewer::Frame> DecodingViewer::frames() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _frames;
}

std::vector<std::string> DecodingViewer::errors() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _errors;
}

std::vector<std::string> DecodingViewer::warnings() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _warnings;
}

std::string DecodingViewer::tail(std::size_t lines) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::string text;
	for (std::size_t i = _log.size() > lines ? _log.size() - lines : 0; i < _log.size(); ++i) text += _log[i] + "\n";
	return text;
}

void DecodingViewer::read(std::unique_ptr<Poco::Pipe> pipe)
{
	Poco::PipeInputStream stream(*pipe);
	std::string line;
	std::smatch match;
	while (std::getline(stream, line))
	{
		const auto arrived = Clock::now();
		if (!line.empty() && line.back() == '\r') line.pop_back();
		std::lock_guard<std::mutex> lock(_mutex);
		if (line.find("[Parsed_showinfo") != std::string::npos && std::regex_search(line, match, SHOWINFO))
		{
			_frames.push_back(Frame{arrived, std::stoll(match[1].str()), std::stod(match[2].str()), match[3].str()});
			continue; // its other lines (checksums, side data) do not interest us
		}
		if (line.find("[Parsed_showinfo") != std::string::npos) continue;
		if (line.find("[error]") != std::string::npos || line.find("[fatal]") != std::string::npos) _errors.push_back(line);
		else if (line.find("[warning]") != std::string::npos) _warnings.push_back(line);
		if (_log.size() < 100000) _log.push_back(line);
	}
	std::lock_guard<std::mutex> lock(_mutex);
	_logEnded = true;
	_endedBeforeStop = !_stopping;
}

} // namespace test
} // namespace restream
