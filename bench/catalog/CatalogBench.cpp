//
// CatalogBench.cpp
//
// catalog-bench: how long and how much memory reading a 50 000-channel
// get_live_streams answer takes, with source-xtream's PanelParser (events
// straight into SourceChannel) and, as the reference, Poco::JSON::Parser
// building a DOM of the same document.
//
// Each run happens in a fresh child process (fork), so that its peak RSS
// growth is its own: CPU time (user + system, getrusage), wall time and
// the growth of the peak RSS while parsing (the document itself excluded).
// The table shows the median of the runs.
//
// Usage: catalog-bench [channels [runs]]   (defaults: 50000 5)
//

#include "CatalogGenerator.h"
#include "JsonField.h"
#include "PanelParser.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using restream::SourceChannel;
using sourcextream::JsonField;
using sourcextream::PanelParser;
using restream::xtream::bench::CatalogGenerator;

namespace {

struct Sample
{
	double cpuMs = 0;
	double wallMs = 0;
	double peakRssGrowthMb = 0;
	std::size_t channels = 0;
};

double cpuMs(const rusage& usage)
{
	return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

Sample measureInChild(const std::function<void()>& setup, const std::function<std::size_t()>& work)
	/// Runs setup, then measures work, in a child process.
{
	int pipeFds[2];
	if (pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
	const pid_t pid = fork();
	if (pid < 0) throw std::runtime_error("fork failed");
	if (pid == 0)
	{
		close(pipeFds[0]);
		setup();
		rusage before{};
		rusage after{};
		getrusage(RUSAGE_SELF, &before);
		const auto started = std::chrono::steady_clock::now();
		Sample sample;
		sample.channels = work();
		const auto ended = std::chrono::steady_clock::now();
		getrusage(RUSAGE_SELF, &after);
		sample.cpuMs = cpuMs(after) - cpuMs(before);
		sample.wallMs = std::chrono::duration<double, std::milli>(ended - started).count();
		sample.peakRssGrowthMb = static_cast<double>(after.ru_maxrss - before.ru_maxrss) / 1024.0;
		const ssize_t written = write(pipeFds[1], &sample, sizeof(sample));
		_exit(written == static_cast<ssize_t>(sizeof(sample)) ? 0 : 1);
	}
	close(pipeFds[1]);
	Sample sample;
	const ssize_t got = read(pipeFds[0], &sample, sizeof(sample));
	close(pipeFds[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	if (got != static_cast<ssize_t>(sizeof(sample)) || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		throw std::runtime_error("a measuring child failed");
	return sample;
}

double median(std::vector<double> values)
{
	std::sort(values.begin(), values.end());
	return values[values.size() / 2];
}

std::string body; // the child's own copy of the document: PanelParser may mend its input in place

std::size_t parseEvents(const std::string&)
{
	PanelParser parser("bench.example.org", [](const std::string& text) { return text; });
	PanelParser::ListReport report;
	return parser.channels(body, report).size();
}

std::size_t parseDom(const std::string& document)
{
	Poco::JSON::Parser parser;
	const Poco::Dynamic::Var root = parser.parse(document);
	return root.extract<Poco::JSON::Array::Ptr>()->size();
}

std::size_t parseDomAndConvert(const std::string& document)
{
	Poco::JSON::Parser parser;
	const Poco::Dynamic::Var root = parser.parse(document);
	const Poco::JSON::Array::Ptr entries = root.extract<Poco::JSON::Array::Ptr>();
	std::vector<SourceChannel> channels;
	channels.reserve(entries->size());
	for (std::size_t i = 0; i < entries->size(); ++i)
	{
		const Poco::JSON::Object::Ptr entry = entries->getObject(static_cast<unsigned>(i));
		if (!entry) continue;
		SourceChannel channel;
		if (!JsonField::fromVar(entry->get("stream_id")).toInteger(channel.streamId) || channel.streamId <= 0) continue;
		channel.name = JsonField::fromVar(entry->get("name")).toText();
		channel.icon = JsonField::fromVar(entry->get("stream_icon")).toText();
		channel.categoryId = JsonField::fromVar(entry->get("category_id")).toText();
		channel.epgChannelId = JsonField::fromVar(entry->get("epg_channel_id")).toText();
		channels.push_back(std::move(channel));
	}
	return channels.size();
}

} // namespace

int main(int argc, char** argv)
{
	const std::size_t channels = argc > 1 ? static_cast<std::size_t>(Poco::NumberParser::parseUnsigned64(argv[1])) : 50000;
	const int runs = argc > 2 ? Poco::NumberParser::parse(argv[2]) : 5;
	if (runs < 1) return 2;

	struct Document
	{
		const char* label;
		std::string json;
	};
	CatalogGenerator::Options raw;
	raw.channels = channels;
	CatalogGenerator::Options php = raw;
	php.phpEscapes = true;
	php.idsAsStrings = true;
	const std::vector<Document> documents = {
		{"UTF-8", CatalogGenerator::liveStreams(raw)}, {"PHP \\u", CatalogGenerator::liveStreams(php)}};

	const struct
	{
		const char* label;
		std::size_t (*work)(const std::string&);
	} methods[] = {
		{"PanelParser: events -> SourceChannel", parseEvents},
		{"Poco::JSON DOM (reference)", parseDom},
		{"Poco::JSON DOM + conversion", parseDomAndConvert},
	};

	std::printf("catalog-bench: %zu channels, median of %d runs, each in a fresh child process\n", channels, runs);
	for (const auto& document : documents)
		std::printf("  %-7s document: %.1f MB\n", document.label, static_cast<double>(document.json.size()) / 1e6);
	std::printf("\n%-38s %-8s %9s %9s %14s %9s\n", "method", "document", "CPU ms", "wall ms", "peak RSS +MB", "channels");
	for (const auto& method : methods)
	{
		for (const auto& document : documents)
		{
			std::vector<double> cpu;
			std::vector<double> wall;
			std::vector<double> rss;
			std::size_t count = 0;
			for (int run = 0; run < runs; ++run)
			{
				const Sample sample = measureInChild([&]() { body = document.json; }, [&]() { return method.work(document.json); });
				cpu.push_back(sample.cpuMs);
				wall.push_back(sample.wallMs);
				rss.push_back(sample.peakRssGrowthMb);
				count = sample.channels;
			}
			std::printf("%-38s %-8s %9.0f %9.0f %14.1f %9zu\n", method.label, document.label, median(cpu), median(wall), median(rss), count);
		}
	}
	std::printf("\n(the document is in memory before each run and is not counted; peak RSS +MB is what parsing adds)\n");
	return 0;
}
