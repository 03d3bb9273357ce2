//
// DocumentRoute.h
//

#ifndef restream_host_DocumentRoute_INCLUDED
#define restream_host_DocumentRoute_INCLUDED

#include "api/FixedRoute.h"
#include <memory>
#include <string>

namespace restream::host {

class DocumentRoute : public FixedRoute
	/// A fixed document of the API's own (GET /docs, GET /openapi.json),
	/// with a CSP that runs nothing. Immutable; any thread.
{
public:
	DocumentRoute(const std::string& path, const std::string& summary, std::string contentType, std::string document);

	bool quick() const override;
	void handle(const RouteRequest& request, const std::shared_ptr<RouteResponse>& response) override;

private:
	const std::string _contentType;
	const std::shared_ptr<const std::string> _document;
};

} // namespace restream::host

#endif // restream_host_DocumentRoute_INCLUDED
