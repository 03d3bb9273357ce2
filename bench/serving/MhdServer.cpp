//
// MhdServer.cpp
//

#include "MhdServer.h"
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <stdexcept>

namespace restream::bench {

MhdServer::MhdServer(const ServingOptions& options, const ServedContent& content):
	_content(content),
	_notFound(makeError("Not Found\n")),
	_notAllowed(makeError("Method Not Allowed\n")),
	_badRequest(makeError("Bad Request\n"))
{
	MHD_add_response_header(_notAllowed, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	for (const ServedContent::Resource* resource : content.resources()) _responses[resource] = makeResponse(*resource);
	sockaddr_in address{};
	address.sin_family = AF_INET;
	address.sin_port = htons(static_cast<uint16_t>(options.port));
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	_daemon = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TURBO | MHD_USE_ERROR_LOG, 0, nullptr, nullptr, &MhdServer::answer, this,
		MHD_OPTION_SOCK_ADDR, &address,
		MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(options.threads),
		MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(options.headerTimeout),
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(options.maxPerAddress),
		MHD_OPTION_CONNECTION_LIMIT, 60000u,  // the default is FD_SETSIZE, meant for select()
		MHD_OPTION_LISTEN_BACKLOG_SIZE, static_cast<unsigned>(SOMAXCONN),
		MHD_OPTION_END);
	if (!_daemon)
	{
		destroyResponses();
		throw std::runtime_error("MHD_start_daemon failed on 127.0.0.1:" + std::to_string(options.port));
	}
}

MhdServer::~MhdServer()
{
	MHD_stop_daemon(_daemon);
	destroyResponses();
}

void MhdServer::destroyResponses()
{
	for (const auto& [resource, response] : _responses) MHD_destroy_response(response);
	for (MHD_Response* response : {_notFound, _notAllowed, _badRequest}) MHD_destroy_response(response);
}

unsigned short MhdServer::port() const
{
	return MHD_get_daemon_info(_daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
}

MHD_Response* MhdServer::makeResponse(const ServedContent::Resource& resource)
{
	MHD_Response* response =
		MHD_create_response_from_buffer(resource.body.size(), const_cast<char*>(resource.body.data()), MHD_RESPMEM_PERSISTENT);
	if (!response) throw std::runtime_error("MHD_create_response_from_buffer failed");
	MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, std::string(resource.contentType).c_str());
	MHD_add_response_header(response, MHD_HTTP_HEADER_SERVER, "bench-mhd");
	return response;
}

MHD_Response* MhdServer::makeError(const char* text)
{
	MHD_Response* response = makeResponse({text, "text/plain"});
	MHD_add_response_header(response, MHD_HTTP_HEADER_CONNECTION, "close");
	return response;
}

MHD_Result MhdServer::answer(void* server, MHD_Connection* connection, const char* url, const char* method, const char*,
	const char*, size_t* uploadDataSize, void** connectionState)
{
	const auto& self = *static_cast<MhdServer*>(server);
	// MHD calls first when the head is in, then for each piece of a body, then once more with none.
	// An answer queued at the first call makes MHD close the connection (the body was not read):
	// answer at the second.
	// A body is read (and dropped) to its end, then refused: GET and HEAD take none.
	static int headSeen;
	static int bodySeen;
	if (*connectionState == nullptr)
	{
		*connectionState = &headSeen;
		return MHD_YES;
	}
	if (*uploadDataSize != 0)
	{
		*uploadDataSize = 0;
		*connectionState = &bodySeen;
		return MHD_YES;
	}
	if (*connectionState == &bodySeen) return MHD_queue_response(connection, MHD_HTTP_BAD_REQUEST, self._badRequest);
	if (std::strcmp(method, MHD_HTTP_METHOD_GET) != 0 && std::strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return MHD_queue_response(connection, MHD_HTTP_METHOD_NOT_ALLOWED, self._notAllowed);
	// url is the path without the query string; HEAD gets the headers only (MHD's rule)
	const ServedContent::Resource* resource = self._content.find(url);
	if (!resource) return MHD_queue_response(connection, MHD_HTTP_NOT_FOUND, self._notFound);
	return MHD_queue_response(connection, MHD_HTTP_OK, self._responses.at(resource));
}

} // namespace restream::bench
