//
// PlayersClient.cpp
//

#include "PlayersClient.h"
#include "PollStatistics.h"
#include "Poller.h"
#include <boost/asio/io_context.hpp>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>
#include <thread>
#include <sys/resource.h>

namespace restream::bench {

namespace {

const std::size_t scratchBytes = 256 * 1024;  // a thread's dropped segment bytes, read at a time

std::chrono::steady_clock::duration seconds(double value)
{
	return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(value));
}

boost::asio::ip::address sourceAddress(unsigned network, unsigned index, unsigned perAddress)
	/// The index-th player's source address, 127.network.x.y with y from 1 to 250.
{
	const unsigned k = index / perAddress;
	return boost::asio::ip::make_address_v4(std::to_string(127) + "." + std::to_string(network) + "." + std::to_string(k / 250) + "." +
		std::to_string(k % 250 + 1));
}

std::string milliseconds(double secondsValue)
{
	if (secondsValue < 0) return "null";
	char text[32];
	std::snprintf(text, sizeof text, "%.1f", secondsValue * 1000);
	return text;
}

double processCpuSeconds()
{
	rusage usage{};
	getrusage(RUSAGE_SELF, &usage);
	return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
		static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Worker
	/// One I/O thread's context, scratch buffer, statistics and pollers.
{
	boost::asio::io_context context{1};
	std::vector<char> scratch = std::vector<char>(scratchBytes);
	PollStatistics statistics;
	std::vector<std::unique_ptr<Poller>> pollers;
};

} // namespace

PlayersClient::PlayersClient(const PlayersOptions& options):
	_options(options)
{
}

std::string PlayersClient::run() const
{
	using Clock = Poller::Clock;
	const boost::asio::ip::tcp::endpoint server(boost::asio::ip::make_address_v4("127.0.0.1"), static_cast<unsigned short>(_options.port));
	const auto began = Clock::now();
	const auto start = began + std::chrono::seconds(1);
	const auto end = start + seconds(_options.duration);

	const Poller::Plan playerPlan{_options.playlist, true, seconds(_options.interval), seconds(_options.timeout), end};
	std::vector<Poller::Plan> probePlans;
	for (const auto& path : _options.probes) probePlans.push_back({path, false, seconds(_options.probeEvery), seconds(_options.probeTimeout), end});

	std::vector<std::unique_ptr<Worker>> players(_options.threads);
	for (auto& worker : players) worker = std::make_unique<Worker>();
	for (unsigned i = 0; i < _options.players; ++i)
	{
		Worker& worker = *players[i % players.size()];
		const auto firstPoll = start + seconds(_options.interval * i / _options.players);
		worker.pollers.push_back(std::make_unique<Poller>(worker.context, playerPlan, firstPoll, server,
			sourceAddress(_options.network, i, _options.perAddress), worker.scratch, worker.statistics));
	}
	std::vector<std::unique_ptr<Worker>> probers(probePlans.size());
	for (std::size_t i = 0; i < probePlans.size(); ++i)
	{
		probers[i] = std::make_unique<Worker>();
		probers[i]->pollers.push_back(std::make_unique<Poller>(probers[i]->context, probePlans[i], start, server,
			boost::asio::ip::make_address_v4("127.0.0.1"), probers[i]->scratch, probers[i]->statistics));
	}

	std::vector<std::thread> threads;
	for (auto* group : {&players, &probers})
		for (auto& worker : *group)
		{
			for (auto& poller : worker->pollers) poller->start();
			threads.emplace_back([&context = worker->context] { context.run(); });
		}
	for (auto& thread : threads) thread.join();
	const double wall = std::chrono::duration<double>(Clock::now() - began).count();

	PollStatistics all;
	for (const auto& worker : players) all.merge(worker->statistics);
	const auto polls = all.polls();
	const auto within = all.answeredWithin(_options.deadline);
	std::ostringstream json;
	json << "{\"players\": " << _options.players << ", \"cycles\": " << polls << ", \"within_deadline\": " << within
		 << ", \"late\": " << (polls - all.failures() - within) << ", \"errors\": " << all.failures() << ", \"error_kinds\": {";
	const char* separator = "";
	for (const auto& [kind, count] : all.failureKinds())
	{
		json << separator << "\"" << kind << "\": " << count;
		separator = ", ";
	}
	char percent[32];
	std::snprintf(percent, sizeof percent, "%.2f", polls ? 100.0 * static_cast<double>(within) / static_cast<double>(polls) : 0.0);
	json << "}, \"non_200\": " << all.notOkAnswers() << ", \"connects\": " << all.connections() << ", \"bytes\": " << all.bytes()
		 << ", \"within_deadline_pct\": " << percent << ", \"p50_ms\": " << milliseconds(all.percentile(50))
		 << ", \"p99_ms\": " << milliseconds(all.percentile(99)) << ", \"max_ms\": " << milliseconds(all.longest());
	for (std::size_t i = 0; i < probers.size(); ++i)
	{
		const PollStatistics& probe = probers[i]->statistics;
		const std::string name = "probe_" + std::to_string(i);
		json << ", \"" << name << "_path\": \"" << _options.probes[i] << "\", \"" << name << "_probes\": " << probe.polls() << ", \"" << name
			 << "_failures\": " << probe.failures() << ", \"" << name << "_within_1s\": " << probe.answeredWithin(1.0) << ", \"" << name
			 << "_p50_ms\": " << milliseconds(probe.percentile(50)) << ", \"" << name << "_max_ms\": " << milliseconds(probe.longest());
	}
	char cpu[64];
	std::snprintf(cpu, sizeof cpu, "%.2f, \"client_wall_s\": %.2f", processCpuSeconds(), wall);
	json << ", \"client_threads\": " << _options.threads << ", \"client_cpu_s\": " << cpu << "}";
	return json.str();
}

} // namespace restream::bench
