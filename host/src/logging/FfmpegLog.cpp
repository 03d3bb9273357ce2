//
// FfmpegLog.cpp
//

#include "logging/FfmpegLog.h"
#include <Poco/Logger.h>
#include <atomic>
#include <cstdarg>
#include <cstring>
#include <string>

extern "C" {
#include <libavutil/log.h>
}

namespace restream::host {

namespace {

std::atomic<Poco::Logger*> ffmpegLogger{nullptr};
thread_local bool joining = false;

bool isCodecContext(void* context)
{
	if (!context) return false;
	const AVClass* avClass = *static_cast<const AVClass* const*>(context);
	return avClass && avClass->class_name && std::strcmp(avClass->class_name, "AVCodecContext") == 0;
}

Poco::Message::Priority priorityOf(int level)
{
	if (level <= AV_LOG_FATAL) return Poco::Message::PRIO_CRITICAL;
	if (level <= AV_LOG_ERROR) return Poco::Message::PRIO_ERROR;
	if (level <= AV_LOG_WARNING) return Poco::Message::PRIO_WARNING;
	if (level <= AV_LOG_INFO) return Poco::Message::PRIO_INFORMATION;
	if (level <= AV_LOG_VERBOSE) return Poco::Message::PRIO_DEBUG;
	return Poco::Message::PRIO_TRACE;
}

void logCallback(void* context, int level, const char* format, va_list arguments)
{
	Poco::Logger* logger = ffmpegLogger.load();
	if (!logger || level > av_log_get_level()) return;
	const Poco::Message::Priority priority = joining && isCodecContext(context) ? Poco::Message::PRIO_DEBUG : priorityOf(level);
	if (!logger->is(priority)) return;
	thread_local int printPrefix = 1;
	thread_local std::string pending;
	char line[2048];
	av_log_format_line2(context, level, format, arguments, line, sizeof(line), &printPrefix);
	pending += line;
	if (pending.empty() || pending.back() != '\n') return;
	pending.pop_back();
	logger->log(Poco::Message(logger->name(), pending, priority));
	pending.clear();
}

} // namespace

void FfmpegLog::install(Poco::Logger& logger)
{
	ffmpegLogger.store(&logger);
	av_log_set_level(AV_LOG_WARNING);
	av_log_set_callback(logCallback);
}

void FfmpegLog::uninstall()
{
	av_log_set_level(AV_LOG_ERROR);
	av_log_set_callback(av_log_default_callback);
	ffmpegLogger.store(nullptr);
}

FfmpegLog::Joining::Joining()
{
	joining = true;
}

FfmpegLog::Joining::~Joining()
{
	joining = false;
}

} // namespace restream::host
