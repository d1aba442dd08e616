#pragma once
// Token buckets per (AppId, environment, Action) and optionally per RoomId. A bucket holds up to
// max(1, rate) tokens and refills at `rate` tokens per second of the Clock's steady time.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace regie::api::zego {

struct RateKey {
    std::uint32_t appId = 0;
    bool isTest = false;
    std::string_view action;
    std::string_view roomId;  // empty: the app-wide bucket of the Action
};

class RateLimiter {
public:
    static constexpr std::size_t kDefaultCapacity = 10'000;

    explicit RateLimiter(const core::Clock& clock, std::size_t capacity = kDefaultCapacity);

    // Takes one token; false when the bucket is empty. A rate <= 0 means unlimited. When the
    // table is full and no idle bucket can be dropped, new keys are refused.
    bool tryAcquire(const RateKey& key, double ratePerSecond);

    std::size_t size() const;

private:
    struct Bucket {
        double tokens = 0;
        double rate = 0;
        std::chrono::steady_clock::time_point refilledAt;
    };

    static double capacityFor(double rate);
    static void refill(Bucket& bucket, std::chrono::steady_clock::time_point now);
    void dropFullBuckets(std::chrono::steady_clock::time_point now);

    const core::Clock& m_clock;
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

}  // namespace regie::api::zego
