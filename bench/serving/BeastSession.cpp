//
// BeastSession.cpp
//

#include "BeastSession.h"
#include <utility>

namespace restream::bench {

namespace beast = boost::beast;
namespace http = boost::beast::http;

namespace {

const std::chrono::seconds writeTimeout(10);  // restream's readTimeout: one answer, however large
const char* const serverName = "bench-beast";

} // namespace

BeastSession::BeastSession(boost::asio::ip::tcp::socket socket, const ServedContent& content, std::chrono::seconds headerTimeout,
	std::unique_ptr<PerAddressLimit::Ticket> ticket):
	_stream(std::move(socket)),
	_content(content),
	_headerTimeout(headerTimeout),
	_ticket(std::move(ticket))
{
}

void BeastSession::start()
{
	beast::error_code ignored;  // a client gone already fails at the first read
	_stream.socket().set_option(boost::asio::ip::tcp::no_delay(true), ignored);
	readRequest();
}

void BeastSession::readRequest()
{
	_parser = std::make_unique<http::request_parser<http::empty_body>>();
	_parser->header_limit(8 * 1024);
	_stream.expires_after(_headerTimeout);
	http::async_read(_stream, _buffer, *_parser,
		[self = shared_from_this()](beast::error_code error, std::size_t) { self->onRead(error); });
}

void BeastSession::onRead(beast::error_code error)
{
	if (error == http::error::end_of_stream || error == beast::error::timeout || error == boost::asio::error::connection_reset ||
		error == boost::asio::error::operation_aborted)
	{
		_stream.socket().close(error);
		return;
	}
	if (error) return answer(http::status::bad_request);  // malformed head, or a body GET and HEAD do not take

	const auto& request = _parser->get();
	if (request.method() != http::verb::get && request.method() != http::verb::head) return answer(http::status::method_not_allowed);
	const ServedContent::Resource* resource = _content.find(std::string_view(request.target().data(), request.target().size()));
	if (!resource) return answer(http::status::not_found);
	answer(*resource);
}

void BeastSession::answer(http::status status)
{
	auto response = std::make_shared<http::response<http::string_body>>(status, 11);
	response->set(http::field::server, serverName);
	response->set(http::field::content_type, "text/plain");
	if (status == http::status::method_not_allowed) response->set(http::field::allow, "GET, HEAD");
	response->body() = std::string(http::obsolete_reason(status)) + "\n";
	response->keep_alive(false);  // after an error the rest of the stream cannot be trusted
	response->prepare_payload();
	send(std::move(response));
}

void BeastSession::answer(const ServedContent::Resource& resource)
{
	const auto& request = _parser->get();
	if (request.method() == http::verb::head)
	{
		auto response = std::make_shared<http::response<http::empty_body>>(http::status::ok, request.version());
		response->set(http::field::server, serverName);
		response->set(http::field::content_type, beast::string_view(resource.contentType.data(), resource.contentType.size()));
		response->content_length(resource.body.size());
		response->keep_alive(request.keep_alive());
		send(std::move(response));
		return;
	}
	auto response = std::make_shared<http::response<http::span_body<const char>>>(http::status::ok, request.version());
	response->set(http::field::server, serverName);
	response->set(http::field::content_type, beast::string_view(resource.contentType.data(), resource.contentType.size()));
	response->body() = http::span_body<const char>::value_type(resource.body.data(), resource.body.size());
	response->keep_alive(request.keep_alive());
	response->prepare_payload();
	send(std::move(response));
}

template <class Response>
void BeastSession::send(std::shared_ptr<Response> response)
{
	const bool close = response->need_eof();
	_stream.expires_after(writeTimeout);
	http::async_write(_stream, *response,
		[self = shared_from_this(), close](beast::error_code error, std::size_t) { self->onWritten(close, error); });
	_response = std::move(response);
}

void BeastSession::onWritten(bool close, beast::error_code error)
{
	_response.reset();
	if (error || close)
	{
		_stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, error);
		_stream.socket().close(error);
		return;
	}
	readRequest();
}

} // namespace restream::bench
