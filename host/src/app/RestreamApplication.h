//
// RestreamApplication.h
//

#ifndef restream_host_RestreamApplication_INCLUDED
#define restream_host_RestreamApplication_INCLUDED

#include "config/HostConfiguration.h"
#include "logging/Redactor.h"
#include <Poco/Util/ServerApplication.h>
#include <string>

namespace restream::host {

class RestreamApplication : public Poco::Util::ServerApplication
	/// The restream executable: parses the command line, layers the
	/// configuration, installs logging (every line redacted), raises the
	/// open-files limit, runs the Host until SIGTERM or Ctrl-C, then stops it
	/// in its fixed order.
{
public:
	RestreamApplication();

protected:
	void defineOptions(Poco::Util::OptionSet& options) override;
	void handleOption(const std::string& name, const std::string& value) override;
	int main(const std::vector<std::string>& arguments) override;

private:
	void printHelp();
	void installLogging();
	void raiseOpenFilesLimit();
	static void blockTerminationSignals();
		/// Blocks SIGTERM, SIGQUIT and SIGINT (as waitForTerminationRequest()
		/// waits for them) in the calling thread before any other thread
		/// starts, so every thread inherits the mask: a thread of a plugin or
		/// a library (std::thread blocks nothing) never takes the signal's
		/// default action, which would end the process uncleanly.

	HostConfiguration _configuration;
	Redactor _redactor;
	std::string _configFile;
	bool _helpRequested = false;
	bool _versionRequested = false;
	bool _badOption = false;
};

} // namespace restream::host

#endif // restream_host_RestreamApplication_INCLUDED
