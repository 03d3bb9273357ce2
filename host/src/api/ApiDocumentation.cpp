//
// ApiDocumentation.cpp
//

#include "api/ApiDocumentation.h"
#include "restream/PageTemplate.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/String.h>
#include <sstream>

namespace restream::host {

ApiDocumentation::ApiDocumentation(std::vector<Route> routes)
{
	Poco::JSON::Object document(Poco::JSON_PRESERVE_KEY_ORDER);
	document.set("openapi", "3.0.3");
	Poco::JSON::Object::Ptr info = new Poco::JSON::Object;
	info->set("title", "restream API");
	info->set("version", RESTREAM_VERSION);
	info->set("description", "Errors answer {\"detail\": \"message\"}. Protected routes need Authorization: Bearer <token> from POST /auth/login.");
	document.set("info", info);
	Poco::JSON::Object::Ptr schemes = new Poco::JSON::Object;
	Poco::JSON::Object::Ptr bearer = new Poco::JSON::Object;
	bearer->set("type", "http");
	bearer->set("scheme", "bearer");
	bearer->set("bearerFormat", "JWT");
	schemes->set("bearer", bearer);
	Poco::JSON::Object::Ptr components = new Poco::JSON::Object;
	components->set("securitySchemes", schemes);
	document.set("components", components);

	Poco::JSON::Object::Ptr paths = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	std::ostringstream rows;
	for (const auto& route : routes)
	{
		const std::string path = openApiPath(route.path);
		Poco::JSON::Object::Ptr item = paths->has(path) ? paths->getObject(path) : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
		Poco::JSON::Object::Ptr operation = new Poco::JSON::Object;
		operation->set("summary", route.summary);
		operation->set("tags", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
		operation->getArray("tags")->add(route.owner);
		if (path != route.path)
		{
			Poco::JSON::Object::Ptr parameter = new Poco::JSON::Object;
			parameter->set("name", "path");
			parameter->set("in", "path");
			parameter->set("required", true);
			Poco::JSON::Object::Ptr schema = new Poco::JSON::Object;
			schema->set("type", "string");
			parameter->set("schema", schema);
			Poco::JSON::Array::Ptr parameters = new Poco::JSON::Array;
			parameters->add(parameter);
			operation->set("parameters", parameters);
		}
		Poco::JSON::Object::Ptr responses = new Poco::JSON::Object;
		Poco::JSON::Object::Ptr ok = new Poco::JSON::Object;
		ok->set("description", "Success");
		responses->set("200", ok);
		if (route.isProtected)
		{
			Poco::JSON::Object::Ptr unauthorized = new Poco::JSON::Object;
			unauthorized->set("description", "Missing, invalid or expired token");
			responses->set("401", unauthorized);
			Poco::JSON::Array::Ptr security = new Poco::JSON::Array;
			Poco::JSON::Object::Ptr requirement = new Poco::JSON::Object;
			requirement->set("bearer", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
			security->add(requirement);
			operation->set("security", security);
		}
		operation->set("responses", responses);
		item->set(Poco::toLower(route.method), operation);
		paths->set(path, item);
		rows << "<tr><td><code>" << route.method << "</code></td><td><code>" << PageTemplate::escapeHtml(path) << "</code></td><td>"
			 << (route.isProtected ? "bearer token" : "public") << "</td><td>" << PageTemplate::escapeHtml(route.summary) << "</td><td>"
			 << PageTemplate::escapeHtml(route.owner) << "</td></tr>\n";
	}
	document.set("paths", paths);
	std::ostringstream json;
	document.stringify(json, 2);
	_openApi = json.str();
	_html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>restream API</title>"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
			"<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}"
			"td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.95em}</style></head>"
			"<body><h1>restream API</h1><p>Version " RESTREAM_VERSION ". Errors answer <code>{\"detail\": \"message\"}</code>. "
			"Protected routes need <code>Authorization: Bearer &lt;token&gt;</code> from <code>POST /auth/login</code>. "
			"Machine-readable: <a href=\"/openapi.json\">/openapi.json</a>.</p>\n"
			"<table><tr><th>Method</th><th>Path</th><th>Access</th><th>What it does</th><th>Provided by</th></tr>\n" +
		rows.str() + "</table></body></html>\n";
}

const std::string& ApiDocumentation::openApi() const
{
	return _openApi;
}

const std::string& ApiDocumentation::html() const
{
	return _html;
}

std::string ApiDocumentation::openApiPath(const std::string& path)
{
	if (!path.empty() && path.back() == '*') return path.substr(0, path.size() - 1) + "{path}";
	return path;
}

} // namespace restream::host
