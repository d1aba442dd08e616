#pragma once
// Structured, levelled logging. A record is an event name plus key=value fields; sinks decide
// where it goes (stderr, a rotating file, the event feed). No global logger: components get a
// Logger& from whoever owns them.

#include <atomic>
#include <chrono>
#include <concepts>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regie::core {

enum class LogLevel : int { trace = 0, debug, info, warn, error, off };

std::optional<LogLevel> parseLogLevel(std::string_view name);
std::string_view logLevelName(LogLevel level);

struct LogField {
    LogField(std::string_view k, std::string_view v) : key(k), value(v) {}
    LogField(std::string_view k, const char* v) : key(k), value(v) {}
    LogField(std::string_view k, const std::string& v) : key(k), value(v) {}
    template <std::integral T>
    LogField(std::string_view k, T v) : key(k), value(std::to_string(v)) {}
    LogField(std::string_view k, double v);

    std::string key;
    std::string value;
};

struct LogRecord {
    std::chrono::system_clock::time_point time;
    LogLevel level;
    std::string event;
    std::vector<LogField> fields;
};

// `2026-11-21T07:30:00.123Z INFO http.listen ip=127.0.0.1 port=8080`
std::string formatLogLine(const LogRecord& record);

class LogSink {
public:
    explicit LogSink(LogLevel level) : m_level(level) {}
    virtual ~LogSink() = default;
    LogLevel level() const { return m_level; }
    virtual void write(const LogRecord& record) = 0;

private:
    LogLevel m_level;
};

class Logger {
public:
    bool enabled(LogLevel level) const { return level >= m_threshold.load(); }

    void log(LogLevel level, std::string_view event, std::vector<LogField> fields = {});
    void trace(std::string_view e, std::vector<LogField> f = {}) {
        log(LogLevel::trace, e, std::move(f));
    }
    void debug(std::string_view e, std::vector<LogField> f = {}) {
        log(LogLevel::debug, e, std::move(f));
    }
    void info(std::string_view e, std::vector<LogField> f = {}) {
        log(LogLevel::info, e, std::move(f));
    }
    void warn(std::string_view e, std::vector<LogField> f = {}) {
        log(LogLevel::warn, e, std::move(f));
    }
    void error(std::string_view e, std::vector<LogField> f = {}) {
        log(LogLevel::error, e, std::move(f));
    }

    void addSink(std::shared_ptr<LogSink> sink);
    void removeSink(const std::shared_ptr<LogSink>& sink);

private:
    void recomputeThresholdLocked();

    std::mutex m_mutex;
    std::vector<std::shared_ptr<LogSink>> m_sinks;
    std::atomic<LogLevel> m_threshold{LogLevel::off};
};

class StderrSink final : public LogSink {
public:
    using LogSink::LogSink;
    void write(const LogRecord& record) override;
};

// Appends to `path`; when it exceeds maxBytes, shifts path.1 … path.<keep> and starts anew.
class RotatingFileSink final : public LogSink {
public:
    RotatingFileSink(LogLevel level, std::string path, std::size_t maxBytes, int keep);
    ~RotatingFileSink() override;
    void write(const LogRecord& record) override;

private:
    void rotateLocked();

    std::mutex m_mutex;
    std::string m_path;
    std::size_t m_maxBytes;
    int m_keep;
    std::FILE* m_file = nullptr;
    std::size_t m_size = 0;
};

}  // namespace regie::core
