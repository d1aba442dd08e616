#include "core/log.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace regie::core {

std::optional<LogLevel> parseLogLevel(std::string_view name) {
    static constexpr std::pair<std::string_view, LogLevel> kNames[] = {
        {"trace", LogLevel::trace}, {"debug", LogLevel::debug}, {"info", LogLevel::info},
        {"warn", LogLevel::warn},   {"error", LogLevel::error}, {"off", LogLevel::off}};
    for (const auto& [n, l] : kNames) {
        if (n == name) {
            return l;
        }
    }
    return std::nullopt;
}

std::string_view logLevelName(LogLevel level) {
    switch (level) {
        case LogLevel::trace:
            return "trace";
        case LogLevel::debug:
            return "debug";
        case LogLevel::info:
            return "info";
        case LogLevel::warn:
            return "warn";
        case LogLevel::error:
            return "error";
        case LogLevel::off:
            return "off";
    }
    return "off";
}

LogField::LogField(std::string_view k, double v) : key(k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    value = buf;
}

namespace {
bool needsQuotes(std::string_view v) {
    return v.empty() || v.find_first_of(" \t\"=\n\r") != std::string_view::npos;
}

void appendValue(std::string& out, std::string_view v) {
    if (!needsQuotes(v)) {
        out += v;
        return;
    }
    out += '"';
    for (char c : v) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
    out += '"';
}
}  // namespace

std::string formatLogLine(const LogRecord& record) {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(record.time.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms % 1000));
    std::string line = stamp;
    line += ' ';
    std::string level(logLevelName(record.level));
    std::transform(level.begin(), level.end(), level.begin(), ::toupper);
    line += level;
    line += ' ';
    line += record.event;
    for (const auto& f : record.fields) {
        line += ' ';
        line += f.key;
        line += '=';
        appendValue(line, f.value);
    }
    return line;
}

void Logger::log(LogLevel level, std::string_view event, std::vector<LogField> fields) {
    if (!enabled(level)) {
        return;
    }
    LogRecord record{std::chrono::system_clock::now(), level, std::string(event),
                     std::move(fields)};
    std::vector<std::shared_ptr<LogSink>> sinks;
    {
        std::lock_guard lock(m_mutex);
        sinks = m_sinks;
    }
    for (const auto& sink : sinks) {
        if (level >= sink->level()) {
            sink->write(record);
        }
    }
}

void Logger::addSink(std::shared_ptr<LogSink> sink) {
    std::lock_guard lock(m_mutex);
    m_sinks.push_back(std::move(sink));
    recomputeThresholdLocked();
}

void Logger::removeSink(const std::shared_ptr<LogSink>& sink) {
    std::lock_guard lock(m_mutex);
    std::erase(m_sinks, sink);
    recomputeThresholdLocked();
}

void Logger::recomputeThresholdLocked() {
    LogLevel threshold = LogLevel::off;
    for (const auto& s : m_sinks) {
        threshold = std::min(threshold, s->level());
    }
    m_threshold = threshold;
}

void StderrSink::write(const LogRecord& record) {
    std::string line = formatLogLine(record);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

RotatingFileSink::RotatingFileSink(LogLevel level, std::string path, std::size_t maxBytes, int keep)
    : LogSink(level), m_path(std::move(path)), m_maxBytes(maxBytes), m_keep(keep) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(m_path).parent_path(), ec);
    m_file = std::fopen(m_path.c_str(), "ae");
    if (m_file != nullptr) {
        m_size = static_cast<std::size_t>(std::filesystem::file_size(m_path, ec));
    }
}

RotatingFileSink::~RotatingFileSink() {
    if (m_file != nullptr) {
        std::fclose(m_file);
    }
}

void RotatingFileSink::write(const LogRecord& record) {
    std::string line = formatLogLine(record);
    line += '\n';
    std::lock_guard lock(m_mutex);
    if (m_file == nullptr) {
        return;
    }
    if (m_size + line.size() > m_maxBytes) {
        rotateLocked();
        if (m_file == nullptr) {
            return;
        }
    }
    std::fwrite(line.data(), 1, line.size(), m_file);
    std::fflush(m_file);
    m_size += line.size();
}

void RotatingFileSink::rotateLocked() {
    std::fclose(m_file);
    std::error_code ec;
    for (int i = m_keep - 1; i >= 1; --i) {
        std::filesystem::rename(m_path + "." + std::to_string(i),
                                m_path + "." + std::to_string(i + 1), ec);
    }
    std::filesystem::rename(m_path, m_path + ".1", ec);
    m_file = std::fopen(m_path.c_str(), "we");
    m_size = 0;
}

}  // namespace regie::core
