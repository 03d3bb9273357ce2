//
// TunerRoute.cpp
//

#include "TunerRoute.h"
#include "restream/SourceException.h"
#include <Poco/Logger.h>
#include <exception>

namespace outputhdhr {

namespace {

int statusOf(const restream::SourceException& exc)
{
	switch (exc.kind())
	{
	case restream::SourceException::NotConfigured: return 503;
	case restream::SourceException::Timeout: return 504;
	case restream::SourceException::NotFound: return 404;
	default: return 502;
	}
}

} // namespace

TunerRoute::TunerRoute(std::string method, std::string path, std::string summary, bool quick, Poco::Logger& logger):
	_method(std::move(method)),
	_path(std::move(path)),
	_summary(std::move(summary)),
	_quick(quick),
	_logger(logger)
{
}

std::string TunerRoute::method() const
{
	return _method;
}

std::string TunerRoute::path() const
{
	return _path;
}

restream::Route::Access TunerRoute::access() const
{
	return Access::Public;
}

std::string TunerRoute::port() const
{
	return "tuner";
}

bool TunerRoute::quick() const
{
	return _quick;
}

std::string TunerRoute::summary() const
{
	return _summary;
}

void TunerRoute::handle(const restream::RouteRequest& request, const std::shared_ptr<restream::RouteResponse>& response)
{
	try
	{
		serve(request, *response);
	}
	catch (const restream::SourceException& exc)
	{
		response->sendError(statusOf(exc), exc.message());
	}
	catch (const Poco::Exception& exc)
	{
		_logger.error("%s %s failed: %s", _method, _path, exc.displayText());
		response->sendError(500, "the tuner could not answer; the host's log says why");
	}
	catch (const std::exception& exc)
	{
		_logger.error("%s %s failed: %s", _method, _path, std::string(exc.what()));
		response->sendError(500, "the tuner could not answer; the host's log says why");
	}
}

} // namespace outputhdhr
