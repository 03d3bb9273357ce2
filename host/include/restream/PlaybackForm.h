//
// PlaybackForm.h
//
// A URL form an output serves, registered so the host can hand it out.
//

#ifndef restream_PlaybackForm_INCLUDED
#define restream_PlaybackForm_INCLUDED

#include "restream/Service.h"
#include <string>

namespace restream {

class RESTREAM_API PlaybackForm : public Service
	/// One way viewers play channels from an output, registered in the
	/// registry like any service (registry.add("output-hls.url", ...)). The
	/// host's PlaybackUrls turns forms into absolute URLs for the API's
	/// answers (/start_stream, /stream_status), the admin's share panel and
	/// other plugins; nobody builds another output's URLs by hand.
	/// Immutable; header-only.
{
public:
	PlaybackForm(std::string format, std::string port, std::string programPath, std::string channelPath,
		std::string mediaType):
		_format(std::move(format)),
		_port(std::move(port)),
		_programPath(std::move(programPath)),
		_channelPath(std::move(channelPath)),
		_mediaType(std::move(mediaType))
	{
	}

	const std::string& format() const
		/// A short name clients key on: "hls", "ll-hls", "ts", ...
	{
		return _format;
	}

	const std::string& port() const
		/// The port it is served on ("api", "tuner").
	{
		return _port;
	}

	const std::string& programPath() const
		/// The program's path ("/live.m3u8"); empty when the output does not serve the program.
	{
		return _programPath;
	}

	const std::string& channelPath() const
		/// A channel's path with "{stream_id}" where its id goes ("/live/{stream_id}.m3u8");
		/// empty when the output does not serve single channels.
	{
		return _channelPath;
	}

	const std::string& mediaType() const
		/// What the URL answers ("application/vnd.apple.mpegurl", "video/mp2t").
	{
		return _mediaType;
	}

private:
	const std::string _format;
	const std::string _port;
	const std::string _programPath;
	const std::string _channelPath;
	const std::string _mediaType;
};

} // namespace restream

#endif // restream_PlaybackForm_INCLUDED
