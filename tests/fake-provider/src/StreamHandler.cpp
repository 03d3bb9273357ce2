//
// StreamHandler.cpp
//
// Library: fakeprovider
//


#include "StreamHandler.h"
#include "fakeprovider/FakeProvider.h"
#include "ErrorLog.h"
#include "OversizedPesFilter.h"
#include "ProviderContext.h"
#include "Replies.h"
#include "Poco/Net/HTTPServerRequest.h"
#include "Poco/Net/HTTPServerRequestImpl.h"
#include "Poco/Net/HTTPServerResponse.h"
#include "Poco/Net/NetException.h"
#include "Poco/Exception.h"
#include "Poco/FileStream.h"
#include "Poco/Format.h"
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <vector>


namespace fakeprovider {


namespace {


const std::chrono::milliseconds POLL_INTERVAL(100);
const int SEND_BUFFER_SIZE = 256 * 1024; // fixed, so that "too far behind" does not depend on TCP autotuning
const Poco::Timespan SEND_TIMEOUT(0, 200000);
const std::size_t GARBAGE_CHUNK = 4096;
const Poco::Timespan GARBAGE_INTERVAL(0, 40000); // about 800 kbit/s


std::string randomBytes(std::mt19937& random, std::size_t size)
	/// Random bytes without the MPEG-TS sync byte, so no demuxer can lock on.
{
	std::string data(size, '\0');
	for (auto& c: data)
	{
		unsigned char byte = static_cast<unsigned char>(random());
		if (byte == 0x47) byte = 0x46;
		c = static_cast<char>(byte);
	}
	return data;
}


} // namespace


StreamHandler::StreamHandler(ProviderContext& context, const Target& target):
	_context(context),
	_target(target)
{
}


void StreamHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	try
	{
		answer(request, response);
	}
	catch (Poco::Net::NetException&)
	{
		// The client went away.
	}
	catch (Poco::TimeoutException&)
	{
	}
	catch (Poco::Exception& exc)
	{
		logError("stream request: " + exc.displayText());
		if (!response.sent()) sendError(response, 500);
	}
	catch (std::exception& exc)
	{
		logError(std::string("stream request: ") + exc.what());
		if (!response.sent()) sendError(response, 500);
	}
}


void StreamHandler::answer(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
	response.setKeepAlive(false);
	if (_target.balanced) _context.stats().redirectHop();
	else _context.stats().streamRequest();

	if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET) return refuse(response, 405);
	if (!_context.faults().userAgentAllowed(request.get("User-Agent", ""))) return refuse(response, 403);

	RedirectTokens::Grant grant;
	if (_target.balanced)
	{
		if (!_context.tokens().redeem(_target.token, grant) || grant.channelId != _target.channelId) return refuse(response, 403);
	}
	else if (!_context.credentialsMatch(_target.username, _target.password)) return refuse(response, 401);

	if (!_target.extension.empty() && _target.extension != ".ts") return refuse(response, 404);
	Catalog::Channel channel;
	if (!_context.catalog().find(_target.channelId, channel) || !channel.online) return refuse(response, 404);

	const ApiMode mode = _context.faults().apiMode();
	if (mode == ApiMode::EXPIRED || mode == ApiMode::DISABLED || mode == ApiMode::BANNED) return refuse(response, 403);

	const ChannelFaults faults = _context.faults().effective(_target.channelId);
	if (faults.status != 0) return refuse(response, faults.status);
	if (faults.redirectLoop) return redirect(response, 0, true);
	if (_target.balanced)
	{
		if (grant.loop) return redirect(response, 0, true);
		if (grant.remaining > 0) return redirect(response, grant.remaining - 1, false);
	}
	else if (faults.redirects > 0) return redirect(response, faults.redirects - 1, false);

	if (!_context.slots().tryAcquire())
	{
		_context.stats().streamRefused();
		sendError(response, 403);
		return;
	}
	struct SlotGuard
	{
		ProviderContext& context;
		int channelId;
		~SlotGuard()
		{
			context.stats().streamClosed(channelId);
			context.slots().release();
		}
	};
	_context.stats().streamOpened(_target.channelId);
	SlotGuard guard{_context, _target.channelId};
	if (channel.fromFile) return sendFile(response, _context.options().fileChannels.at(channel.streamId));
	stream(request, response, channel, faults);
}


void StreamHandler::sendFile(Poco::Net::HTTPServerResponse& response, const FileChannel& file)
{
	Poco::FileInputStream input(file.path);
	response.setContentType("video/mp2t");
	response.set("Cache-Control", "no-cache");
	std::ostream& out = response.send();
	std::vector<char> buffer(188 * 64);
	const auto started = std::chrono::steady_clock::now();
	double sent = 0;
	while (!_context.stopping() && input)
	{
		input.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
		const std::streamsize got = input.gcount();
		if (got <= 0) break;
		out.write(buffer.data(), got);
		out.flush();
		if (!out) return; // the client went away
		sent += static_cast<double>(got);
		const auto due = started + std::chrono::microseconds(static_cast<long long>(sent / file.bytesPerSecond * 1e6));
		while (!_context.stopping() && std::chrono::steady_clock::now() < due) std::this_thread::sleep_for(std::chrono::milliseconds(5));
	}
}


void StreamHandler::refuse(Poco::Net::HTTPServerResponse& response, int status)
{
	_context.stats().streamError();
	sendError(response, status);
}


void StreamHandler::redirect(Poco::Net::HTTPServerResponse& response, int remaining, bool loop)
{
	RedirectTokens::Grant grant;
	grant.channelId = _target.channelId;
	grant.remaining = remaining;
	grant.loop = loop;
	const std::string token = _context.tokens().issue(grant);
	response.redirect(Poco::format("%s/lb/%s/%d.ts", _context.baseUrl(), token, _target.channelId), Poco::Net::HTTPResponse::HTTP_FOUND);
}


void StreamHandler::stream(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response, const Catalog::Channel& channel, const ChannelFaults& faults)
{
	auto* pRequestImpl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
	if (!pRequestImpl) throw Poco::BadCastException("request is not a HTTPServerRequestImpl");
	Poco::Net::StreamSocket& socket = pRequestImpl->socket();

	std::shared_ptr<StreamClient> pClient;
	if (!faults.garbage)
	{
		// A client of a padded channel may hold one second of it.
		const std::size_t backlog = std::max(_context.options().clientBacklogBytes, static_cast<std::size_t>(faults.bitRateMbps) * 1000000 / 8);
		pClient = std::make_shared<StreamClient>(backlog);
		if (!_context.hub().subscribe(channel, pClient))
		{
			sendError(response, 503);
			return;
		}
	}
	struct Unsubscriber
	{
		ProviderContext& context;
		int channelId;
		const std::shared_ptr<StreamClient>& pClient;
		~Unsubscriber()
		{
			if (pClient) context.hub().unsubscribe(channelId, pClient);
		}
	} unsubscriber{_context, channel.streamId, pClient};

	// No Content-Length, not chunked: the body runs until the connection closes. The header goes
	// through Poco, the body straight to the socket so that every write is under our control.
	response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType("video/mp2t");
	response.set("Cache-Control", "no-cache");
	response.set("Access-Control-Allow-Origin", "*");
	response.send().flush();
	socket.setSendBufferSize(SEND_BUFFER_SIZE);
	socket.setSendTimeout(SEND_TIMEOUT);
	socket.setReceiveTimeout(SEND_TIMEOUT);
	pump(socket, pClient.get());
	if (pClient && pClient->overflowed()) _context.stats().slowClientDropped();
}


void StreamHandler::pump(Poco::Net::StreamSocket& socket, StreamClient* pClient)
	/// Copies the client's chunks (or garbage) to the socket until the stream has to end.
{
	const Clock::time_point started = Clock::now();
	const Clock::time_point oversizedPesFrom = started + std::chrono::milliseconds(FakeProvider::OVERSIZED_PES_AFTER_MS);
	OversizedPesFilter oversizedPes;
	std::mt19937 random(std::random_device{}());
	bool finished = false;
	const auto mustEnd = [&]()
	{
		if (finished) return true;
		const ChannelFaults faults = _context.faults().effective(_target.channelId);
		finished = _context.stopping() || (pClient && pClient->closed())
			|| (faults.dropAfter.totalMicroseconds() > 0 && Clock::now() - started >= std::chrono::microseconds(faults.dropAfter.totalMicroseconds()));
		return finished;
	};
	while (!mustEnd())
	{
		StreamClient::Chunk pChunk;
		if (pClient)
		{
			pChunk = pClient->pop(POLL_INTERVAL);
		}
		else if (!_context.waitForStop(GARBAGE_INTERVAL))
		{
			pChunk = std::make_shared<const std::string>(randomBytes(random, GARBAGE_CHUNK));
		}
		if (peerClosed(socket)) return;
		const ChannelFaults faults = _context.faults().effective(_target.channelId);
		if (!pChunk || faults.stall) continue;
		const Clock::time_point now = Clock::now();
		const bool armed = pClient && faults.oversizedPes && now >= oversizedPesFrom;
		if ((pClient && faults.oversizedPes) || oversizedPes.busy()) // before armed, it follows the continuity counters
		{
			const Poco::Int64 bitRate = faults.bitRateMbps > 0 ? faults.bitRateMbps * Poco::Int64(1000000) : OVERSIZED_PES_BIT_RATE;
			pChunk = std::make_shared<const std::string>(oversizedPes.filter(*pChunk, armed, bitRate, now));
		}
		if (!sendAll(socket, *pChunk, mustEnd)) return;
	}
}


bool StreamHandler::sendAll(Poco::Net::StreamSocket& socket, const std::string& data, const std::function<bool()>& abort)
{
	std::size_t sent = 0;
	while (sent < data.size())
	{
		try
		{
			sent += static_cast<std::size_t>(socket.sendBytes(data.data() + sent, static_cast<int>(data.size() - sent), MSG_NOSIGNAL));
		}
		catch (Poco::Exception& exc)
		{
			// The send timeout expired (Poco 1.11 reports EAGAIN as an IOException): the client is
			// not reading. Keep trying until it catches up or the stream must end.
			const bool timedOut = dynamic_cast<Poco::TimeoutException*>(&exc) || exc.code() == EAGAIN || exc.code() == EWOULDBLOCK;
			if (!timedOut || abort()) return false;
		}
	}
	return true;
}


bool StreamHandler::peerClosed(Poco::Net::StreamSocket& socket)
	/// True if the client closed its side or reset the connection; anything it sent is discarded.
{
	try
	{
		if (!socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR)) return false;
		char buffer[1024];
		return socket.receiveBytes(buffer, sizeof(buffer)) <= 0;
	}
	catch (Poco::TimeoutException&)
	{
		return false;
	}
	catch (Poco::Exception&)
	{
		return true;
	}
}


} // namespace fakeprovider
