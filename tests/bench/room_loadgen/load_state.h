#pragma once
// What every client reports to the measurement, from any io thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace regie::room_loadgen {

using Clock = std::chrono::steady_clock;

inline std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

class LoadState {
public:
    LoadState(int bigRoomUsers, int broadcasts)
        : m_bigRoomUsers(bigRoomUsers)
        , m_receivedAt(static_cast<std::size_t>(bigRoomUsers) * broadcasts)
        , m_delivered(static_cast<std::size_t>(broadcasts)) {}

    void loggedIn(std::int64_t latencyNs) {
        std::lock_guard lock(m_mutex);
        m_loginLatencyNs.push_back(latencyNs);
        m_lastLoginNs = nowNs();
    }
    void failed(const std::string& reason) {
        std::lock_guard lock(m_mutex);
        ++m_failures[reason];
        m_lastLoginNs = nowNs();
    }
    // Broadcast `number` reached big-room client `client` now.
    void received(int number, int client) {
        if (number < 0 || number >= static_cast<int>(m_delivered.size()) || client < 0 ||
            client >= m_bigRoomUsers) {
            return;
        }
        auto& slot = m_receivedAt[static_cast<std::size_t>(number) * m_bigRoomUsers + client];
        std::int64_t none = 0;
        if (slot.compare_exchange_strong(none, nowNs())) {
            m_delivered[number].fetch_add(1);
        }
    }
    void message() { m_messages.fetch_add(1, std::memory_order_relaxed); }
    // A logged-in client lost its connection before the end of the run.
    void dropped() { m_dropped.fetch_add(1); }

    std::size_t loginsDone() const {
        std::lock_guard lock(m_mutex);
        std::size_t failures = 0;
        for (const auto& [reason, count] : m_failures) {
            failures += count;
        }
        return m_loginLatencyNs.size() + failures;
    }
    std::vector<std::int64_t> loginLatencies() const {
        std::lock_guard lock(m_mutex);
        return m_loginLatencyNs;
    }
    std::map<std::string, int> failures() const {
        std::lock_guard lock(m_mutex);
        return m_failures;
    }
    std::int64_t lastLoginNs() const {
        std::lock_guard lock(m_mutex);
        return m_lastLoginNs;
    }
    int delivered(int number) const { return m_delivered[number].load(); }
    std::int64_t receivedAt(int number, int client) const {
        return m_receivedAt[static_cast<std::size_t>(number) * m_bigRoomUsers + client].load();
    }
    std::uint64_t messages() const { return m_messages.load(std::memory_order_relaxed); }
    int drops() const { return m_dropped.load(); }

private:
    const int m_bigRoomUsers;
    std::vector<std::atomic<std::int64_t>> m_receivedAt;  // [broadcast][client], 0 = not yet
    std::vector<std::atomic<int>> m_delivered;
    std::atomic<std::uint64_t> m_messages{0};
    std::atomic<int> m_dropped{0};
    mutable std::mutex m_mutex;
    std::vector<std::int64_t> m_loginLatencyNs;
    std::map<std::string, int> m_failures;
    std::int64_t m_lastLoginNs = 0;
};

}  // namespace regie::room_loadgen
