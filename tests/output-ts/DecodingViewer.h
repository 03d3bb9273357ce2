//
// DecodingViewer.h
//
// The ffmpeg CLI decoding an endless stream, watched frame by frame.
//

#ifndef restream_test_DecodingViewer_INCLUDED
#define restream_test_DecodingViewer_INCLUDED

#include <Poco/Process.h>
#include <Poco/Types.h>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Poco {
class Pipe;
}

namespace restream {
namespace test {

class DecodingViewer
	/// Runs `ffmpeg -copyts -i URL -vf showinfo -f null -` (video and audio
	/// decoded, input timestamps kept as they are: no correction of
	/// discontinuities by the CLI) and reads its log on a thread of its own:
	/// every decoded video frame with its pts and the moment its line came,
	/// every error and warning line, and when the log ended (ffmpeg exited).
	/// stop() (or the destructor) ends the process it started, by its PID:
	/// SIGINT, then SIGKILL after 5 s. Methods from the test thread.
{
public:
	using Clock = std::chrono::steady_clock;

	struct Frame
	{
		Clock::time_point arrived; /// when its showinfo line was read
		Poco::Int64 pts = 0;       /// in the filter's time base (the stream's: 1/90000 for MPEG-TS)
		double ptsTime = 0;        /// seconds
		std::string size;          /// "640x360"
	};

	explicit DecodingViewer(const std::string& url);
		/// Starts ffmpeg at once.
	~DecodingViewer();
		/// stop().

	void stop();
		/// Ends ffmpeg (if still running) and joins the reader. Idempotent.

	bool exitedBeforeStop() const;
		/// True when ffmpeg's log ended before stop() asked it to end: it
		/// reached the end of its input, or failed.

	std::vector<Frame> frames() const;
	std::vector<std::string> errors() const;
		/// Lines logged at level error or fatal.
	std::vector<std::string> warnings() const;
	std::string tail(std::size_t lines) const;
		/// The last lines of its log, for messages.

private:
	void read(std::unique_ptr<Poco::Pipe> pipe);

	std::unique_ptr<Poco::ProcessHandle> _process;
	mutable std::mutex _mutex;
	std::vector<Frame> _frames;
	std::vector<std::string> _errors;
	std::vector<std::string> _warnings;
	std::vector<std::string> _log;
	bool _logEnded = false;
	bool _stopping = false;
	bool _endedBeforeStop = false;
	std::thread _reader;
};

} // namespace test
} // namespace restream

#endif // restream_test_DecodingViewer_INCLUDED
