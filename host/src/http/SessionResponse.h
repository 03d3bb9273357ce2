//
// SessionResponse.h
//

#ifndef restream_host_SessionResponse_INCLUDED
#define restream_host_SessionResponse_INCLUDED

#include "restream/RouteResponse.h"
#include <boost/beast/core/tcp_stream.hpp>
#include <cstddef>
#include <memory>
#include <mutex>

namespace restream::host {

class HttpSession;

class SessionResponse : public RouteResponse, public std::enable_shared_from_this<SessionResponse>
	/// The RouteResponse of one request on an HttpSession. The route answers
	/// from any thread; each call is posted to the session's I/O thread,
	/// which does all the writing. A stream's chunks are counted while
	/// queued: one that would put the viewer more than backlog bytes behind
	/// cuts it (write() returns false and the connection closes), so a slow
	/// viewer never holds a producer back.
	///
	/// Ownership: shared by the session and the route; it holds the session
	/// weakly, so a route may keep it as long as it likes. Threads: the
	/// RouteResponse methods from any thread; written() and close() from the
	/// session's I/O thread.
{
public:
	SessionResponse(std::weak_ptr<HttpSession> session, boost::beast::tcp_stream::executor_type executor, std::size_t backlog);

	void send(int status, const Headers& headers, std::shared_ptr<const std::string> body) override;
	bool startStream(int status, const Headers& headers) override;
	bool write(std::shared_ptr<const std::string> chunk) override;
	void end() override;
	bool isOpen() const override;

	void written(std::size_t bytes);
		/// The session sent bytes of the queued chunks.

	void close();
		/// The session is done with this answer (sent, given up or the client
		/// gone): every call does nothing from now on.

private:
	enum class Kind
	{
		None,
		Complete,
		Stream
	};

	template <class Call>
	void post(Call call);
		/// Runs call(session) on the session's thread if it still exists.

	const std::weak_ptr<HttpSession> _session;
	const boost::beast::tcp_stream::executor_type _executor;
	const std::size_t _backlog;
	mutable std::mutex _mutex;
	Kind _kind = Kind::None;
	std::size_t _queued = 0;
	bool _ended = false;
	bool _closed = false;
};

} // namespace restream::host

#endif // restream_host_SessionResponse_INCLUDED
