//
// TunerRoute.h
//
// What every route of the tuner port shares.
//

#ifndef outputhdhr_TunerRoute_INCLUDED
#define outputhdhr_TunerRoute_INCLUDED

#include "restream/Route.h"
#include <memory>
#include <string>

namespace Poco {
class Logger;
}

namespace outputhdhr {

class TunerRoute : public restream::Route
	/// A public route of the "tuner" port (LAN-only: the host refuses other
	/// clients before the route runs). handle() is the plugin's one guard:
	/// it calls serve() and answers what escapes it, so no exception leaves
	/// the plugin: a SourceException with its own sentence (503 when the
	/// source is not configured, 504 on a timeout, 502 for the provider's
	/// other failures), anything else 500 and a log line.
	///
	/// Threads: handle() concurrently, as the host calls it.
{
public:
	TunerRoute(std::string method, std::string path, std::string summary, bool quick, Poco::Logger& logger);

	std::string method() const override;
	std::string path() const override;
	Access access() const override;
	std::string port() const override;
	bool quick() const override;
	std::string summary() const override;
	void handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response) final;

protected:
	virtual void serve(const restream::RouteRequest& request, restream::RouteResponse& response) = 0;
		/// Answers request. May throw; see handle().

private:
	const std::string _method;
	const std::string _path;
	const std::string _summary;
	const bool _quick;
	Poco::Logger& _logger;
};

} // namespace outputhdhr

#endif // outputhdhr_TunerRoute_INCLUDED
