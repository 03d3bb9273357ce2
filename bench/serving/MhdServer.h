//
// MhdServer.h
//

#ifndef restream_bench_MhdServer_INCLUDED
#define restream_bench_MhdServer_INCLUDED

#include "ServedContent.h"
#include "ServingOptions.h"
#include <microhttpd.h>
#include <unordered_map>

namespace restream::bench {

class MhdServer
	/// The libmicrohttpd candidate: MHD's own pool of options.threads threads, each polling its
	/// connections with epoll. MHD enforces the cap per client address, and closes a connection
	/// that stays silent for options.headerTimeout seconds (an inactivity timeout: a client that
	/// trickles a byte now and then is not closed). The answers are built once and shared by every
	/// request (MHD counts their references across threads). Starts serving on 127.0.0.1 in the
	/// constructor (throws std::runtime_error); the destructor stops the daemon and joins its threads.
{
public:
	MhdServer(const ServingOptions& options, const ServedContent& content);
		/// content must outlive the server.
	~MhdServer();
	MhdServer(const MhdServer&) = delete;
	MhdServer& operator=(const MhdServer&) = delete;

	unsigned short port() const;

private:
	static MHD_Result answer(void* server, MHD_Connection* connection, const char* url, const char* method, const char* version,
		const char* uploadData, size_t* uploadDataSize, void** connectionState);
	static MHD_Response* makeResponse(const ServedContent::Resource& resource);
	static MHD_Response* makeError(const char* text);

	void destroyResponses();

	const ServedContent& _content;
	std::unordered_map<const ServedContent::Resource*, MHD_Response*> _responses;  /// one for each of the content's resources
	MHD_Response* _notFound;
	MHD_Response* _notAllowed;
	MHD_Response* _badRequest;
	MHD_Daemon* _daemon = nullptr;
};

} // namespace restream::bench

#endif // restream_bench_MhdServer_INCLUDED
