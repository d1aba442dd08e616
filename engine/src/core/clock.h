#pragma once
// Injectable time source: services ask a Clock instead of calling now() so tests can be fast
// and deterministic.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace regie::core {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point wallNow() const = 0;
    virtual std::chrono::steady_clock::time_point steadyNow() const = 0;

    std::int64_t unixSeconds() const {
        return std::chrono::duration_cast<std::chrono::seconds>(wallNow().time_since_epoch())
            .count();
    }
    std::int64_t unixMillis() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(wallNow().time_since_epoch())
            .count();
    }
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point wallNow() const override {
        return std::chrono::system_clock::now();
    }
    std::chrono::steady_clock::time_point steadyNow() const override {
        return std::chrono::steady_clock::now();
    }
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t unixSeconds = 1'700'000'000)
        : m_offsetMs(unixSeconds * 1000) {}

    void advance(std::chrono::milliseconds d) { m_offsetMs += d.count(); }
    void setUnixSeconds(std::int64_t s) { m_offsetMs = s * 1000; }

    std::chrono::system_clock::time_point wallNow() const override {
        return std::chrono::system_clock::time_point(std::chrono::milliseconds(m_offsetMs.load()));
    }
    std::chrono::steady_clock::time_point steadyNow() const override {
        return std::chrono::steady_clock::time_point(std::chrono::milliseconds(m_offsetMs.load()));
    }

private:
    std::atomic<std::int64_t> m_offsetMs;
};

}  // namespace regie::core
