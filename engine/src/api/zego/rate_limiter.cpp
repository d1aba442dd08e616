#include "api/zego/rate_limiter.h"

#include <algorithm>

namespace regie::api::zego {

namespace {

std::string bucketName(const RateKey& key) {
    // AppId is digits and the environment one letter, so only the action/room split needs a
    // separator that cannot occur in an Action name.
    std::string name = std::to_string(key.appId);
    name.push_back(key.isTest ? 't' : 'p');
    name.append(key.action).push_back('\n');
    name.append(key.roomId);
    return name;
}

}  // namespace

RateLimiter::RateLimiter(const core::Clock& clock, std::size_t capacity)
    : m_clock(clock), m_capacity(std::max<std::size_t>(capacity, 1)) {}

double RateLimiter::capacityFor(double rate) {
    return std::max(1.0, rate);
}

void RateLimiter::refill(Bucket& bucket, std::chrono::steady_clock::time_point now) {
    if (now <= bucket.refilledAt) {
        return;
    }
    const double elapsed = std::chrono::duration<double>(now - bucket.refilledAt).count();
    bucket.tokens = std::min(capacityFor(bucket.rate), bucket.tokens + elapsed * bucket.rate);
    bucket.refilledAt = now;
}

bool RateLimiter::tryAcquire(const RateKey& key, double ratePerSecond) {
    if (ratePerSecond <= 0) {
        return true;
    }
    const auto now = m_clock.steadyNow();
    std::string name = bucketName(key);

    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(name);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_capacity) {
            dropFullBuckets(now);
            if (m_buckets.size() >= m_capacity) {
                return false;
            }
        }
        it = m_buckets
                 .emplace(std::move(name), Bucket{capacityFor(ratePerSecond), ratePerSecond, now})
                 .first;
    }
    Bucket& bucket = it->second;
    refill(bucket, now);
    if (bucket.rate != ratePerSecond) {
        // The configured limit changed: keep the tokens, bounded by the new burst size.
        bucket.rate = ratePerSecond;
        bucket.tokens = std::min(bucket.tokens, capacityFor(ratePerSecond));
    }
    if (bucket.tokens < 1.0) {
        return false;
    }
    bucket.tokens -= 1.0;
    return true;
}

std::size_t RateLimiter::size() const {
    const std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

void RateLimiter::dropFullBuckets(std::chrono::steady_clock::time_point now) {
    // A full bucket behaves exactly like a missing one, so forgetting it changes nothing.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(it->second, now);
        if (it->second.tokens >= capacityFor(it->second.rate)) {
            it = m_buckets.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace regie::api::zego
