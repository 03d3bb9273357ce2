//
// Redactor.h
//

#ifndef restream_host_Redactor_INCLUDED
#define restream_host_Redactor_INCLUDED

#include <Poco/Mutex.h>
#include <Poco/RegularExpression.h>
#include <memory>
#include <string>
#include <vector>

namespace restream::host {

class Redactor
	/// The one function every log line, FFmpeg's included, passes through
	/// before it is written, and that error messages leaving the host use:
	/// it masks provider credentials with "***":
	///   - the path forms /live/USER/PASS/ID (also movie, series, timeshift)
	///     and the short form http://host/USER/PASS/ID;
	///   - query or form parameters username=, password= (also user=, pass=);
	///   - URL user information (scheme://user:pass@host);
	///   - every value added with addSecret(), raw and percent-encoded,
	///     wherever it appears (configured usernames, passwords, secrets).
	///
	/// Threads: redact() and addSecret() may be called from any thread.
{
public:
	Redactor();

	void addSecret(const std::string& value);
		/// Masks value from now on. Values shorter than 3 characters are
		/// ignored (they would mask ordinary words).

	std::string redact(const std::string& text) const;
		/// Returns text with every credential masked.

private:
	std::vector<std::unique_ptr<Poco::RegularExpression>> _patterns;
	std::vector<std::string> _replacements;
	std::vector<std::string> _secrets;
	mutable Poco::FastMutex _mutex;
};

} // namespace restream::host

#endif // restream_host_Redactor_INCLUDED
