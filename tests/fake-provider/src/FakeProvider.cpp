//
// FakeProvider.cpp
//
// Library: fakeprovider
//


#include "fakeprovider/FakeProvider.h"
#include "ProviderContext.h"
#include "RequestRouter.h"
#include "Poco/Exception.h"
#include "Poco/Format.h"
#include "Poco/Net/HTTPServer.h"
#include "Poco/Net/HTTPServerParams.h"
#include "Poco/Net/ServerSocket.h"
#include "Poco/Net/SocketAddress.h"
#include "Poco/ThreadPool.h"
#include <csignal>
extern "C" {
#include <libavutil/log.h>
}


namespace fakeprovider {


namespace {


void ignoreSigpipe()
	/// A client hanging up while Poco writes an answer would otherwise kill the process.
{
	struct sigaction current = {};
	if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
	{
		signal(SIGPIPE, SIG_IGN);
	}
}


} // namespace


FakeProvider::FakeProvider(const ProviderOptions& options):
	_pContext(std::make_unique<ProviderContext>(options))
{
}


FakeProvider::~FakeProvider()
{
	stop();
}


void FakeProvider::start()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_pServer) throw Poco::IllegalStateException("FakeProvider already running");
	ignoreSigpipe();
	if (_pContext->options().quietFfmpegLog && av_log_get_level() > AV_LOG_ERROR) av_log_set_level(AV_LOG_ERROR);

	const Poco::UInt16 wanted = _pContext->options().port != 0 ? _pContext->options().port : _port;
	Poco::Net::ServerSocket socket;
	socket.bind(Poco::Net::SocketAddress("127.0.0.1", wanted), true, false);
	socket.listen(128);
	_port = socket.address().port();
	_pContext->beginRun(_port);

	const int maxThreads = std::max(4, _pContext->options().maxThreads);
	auto pParams = new Poco::Net::HTTPServerParams;
	pParams->setMaxThreads(maxThreads);
	pParams->setMaxQueued(128);
	pParams->setKeepAlive(true);
	pParams->setKeepAliveTimeout(Poco::Timespan(5, 0));
	pParams->setTimeout(Poco::Timespan(10, 0));
	pParams->setSoftwareVersion("nginx");
	_pThreadPool = std::make_unique<Poco::ThreadPool>("FakeProvider", 2, maxThreads, 10);
	_pServer = std::make_unique<Poco::Net::HTTPServer>(new RequestRouter(*_pContext), *_pThreadPool, socket, pParams);
	_pServer->start();
}


void FakeProvider::stop()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (!_pServer) return;
	_pContext->requestStop();  // stream handlers and encoders end
	_pServer->stopAll(true);   // no more connections; open ones are shut down
	_pThreadPool->joinAll();   // every handler has returned
	_pServer.reset();
	_pThreadPool.reset();      // joins the pool's threads
}


bool FakeProvider::running() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _pServer != nullptr;
}


Poco::UInt16 FakeProvider::port() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _port;
}


std::string FakeProvider::baseUrl() const
{
	return Poco::format("http://127.0.0.1:%hu", port());
}


std::string FakeProvider::streamUrl(int channelId) const
{
	return Poco::format("%s/live/%s/%s/%d.ts", baseUrl(), options().username, options().password, channelId);
}


std::string FakeProvider::hlsUrl(int channelId) const
{
	return Poco::format("%s/live/%s/%s/%d.m3u8", baseUrl(), options().username, options().password, channelId);
}


std::string FakeProvider::guideUrl() const
{
	return Poco::format("%s/xmltv.php?username=%s&password=%s", baseUrl(), options().username, options().password);
}


const ProviderOptions& FakeProvider::options() const
{
	return _pContext->options();
}


void FakeProvider::setChannelFaults(int channelId, const ChannelFaults& faults)
{
	_pContext->checkChannel(channelId);
	_pContext->faults().set(channelId, faults);
}


ChannelFaults FakeProvider::channelFaults(int channelId) const
{
	return _pContext->faults().get(channelId);
}


ChannelFaults FakeProvider::effectiveFaults(int channelId) const
{
	return _pContext->faults().effective(channelId);
}


void FakeProvider::setDropAfter(int channelId, Poco::Timespan after)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.dropAfter = after;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setStall(int channelId, bool stall)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.stall = stall;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setStatus(int channelId, int status)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.status = status;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setGarbage(int channelId, bool garbage)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.garbage = garbage;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setRedirects(int channelId, int count)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.redirects = count;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setRedirectLoop(int channelId, bool loop)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.redirectLoop = loop;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setBitRate(int channelId, int mbps)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.bitRateMbps = mbps;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setOversizedPes(int channelId, bool oversized)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.oversizedPes = oversized;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setHlsLoop(int channelId, bool loop)
{
	ChannelFaults faults = channelFaults(channelId);
	faults.hlsLoop = loop;
	setChannelFaults(channelId, faults);
}


void FakeProvider::setApiMode(ApiMode mode)
{
	_pContext->faults().setApiMode(mode);
}


ApiMode FakeProvider::apiMode() const
{
	return _pContext->faults().apiMode();
}


void FakeProvider::setApiDelay(Poco::Timespan delay)
{
	_pContext->faults().setApiDelay(delay);
}


void FakeProvider::setUserAgentRequired(const std::string& substring)
{
	_pContext->faults().setUserAgentRequired(substring);
}


void FakeProvider::setCatalogDrip(Poco::Timespan interval)
{
	_pContext->faults().setCatalogDrip(interval);
}


void FakeProvider::setGopFrames(int frames)
{
	_pContext->settings().setGopFrames(frames);
}


int FakeProvider::gopFrames() const
{
	return _pContext->settings().gopFrames();
}


void FakeProvider::setHlsEnabled(bool enabled)
{
	_pContext->setHls(enabled);
}


bool FakeProvider::hlsEnabled() const
{
	return _pContext->settings().hls();
}


void FakeProvider::setGuideSize(int channels, int hours)
{
	_pContext->settings().setGuideSize(channels, hours);
}


void FakeProvider::setMaxConnections(int maxConnections)
{
	_pContext->slots().setLimit(maxConnections);
}


int FakeProvider::maxConnections() const
{
	return _pContext->slots().limit();
}


void FakeProvider::setSlotReleaseDelay(Poco::Timespan delay)
{
	_pContext->slots().setReleaseDelay(delay);
}


void FakeProvider::resetFaults()
{
	_pContext->resetFaults();
}


ProviderStats FakeProvider::stats() const
{
	ProviderStats stats = _pContext->stats().snapshot();
	stats.activeConnections = _pContext->slots().inUse();
	return stats;
}


std::vector<Poco::Timestamp> FakeProvider::streamRequestTimes() const
{
	return _pContext->stats().streamRequestTimes();
}


int FakeProvider::activeConnections() const
{
	return _pContext->slots().inUse();
}


void FakeProvider::resetStats()
{
	_pContext->stats().reset();
}


} // namespace fakeprovider
