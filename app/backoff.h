#pragma once

#include <algorithm>
#include <chrono>

// Retry delay that doubles after every failed attempt up to a ceiling; reset() after success.
class Backoff {
public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum)
        : m_initial(initial), m_maximum(maximum), m_current(initial) {}

    std::chrono::milliseconds next() {
        const auto delay = m_current;
        m_current = std::min(m_current * 2, m_maximum);
        return delay;
    }

    void reset() { m_current = m_initial; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_maximum;
    std::chrono::milliseconds m_current;
};
