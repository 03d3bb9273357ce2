//
// ApiDocumentation.h
//

#ifndef restream_host_ApiDocumentation_INCLUDED
#define restream_host_ApiDocumentation_INCLUDED

#include <string>
#include <vector>

namespace restream::host {

class ApiDocumentation
	/// The API port's documentation, made from the router's own route table
	/// so it always matches what is served: GET /openapi.json (OpenAPI 3.0)
	/// and GET /docs (a readable page, no script). Immutable; any thread.
{
public:
	struct Route
	{
		std::string method;   /// upper case
		std::string path;     /// "/live/*" for a prefix route
		bool isProtected;
		std::string summary;
		std::string owner;    /// "host" or the plugin's name
	};

	explicit ApiDocumentation(std::vector<Route> routes);

	const std::string& openApi() const;
	const std::string& html() const;

private:
	static std::string openApiPath(const std::string& path);

	std::string _openApi;
	std::string _html;
};

} // namespace restream::host

#endif // restream_host_ApiDocumentation_INCLUDED
