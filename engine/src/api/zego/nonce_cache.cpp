#include "api/zego/nonce_cache.h"

#include <algorithm>

namespace regie::api::zego {

NonceCache::NonceCache(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

bool NonceCache::insert(std::uint32_t appId, std::string_view signatureNonce,
                        std::int64_t timestamp, std::int64_t nowUnixSeconds) {
    // AppId and Timestamp are digits, so putting the free-form nonce last keeps keys unique.
    std::string key = std::to_string(appId);
    key.push_back(':');
    key.append(std::to_string(timestamp)).push_back(':');
    key.append(signatureNonce);

    const std::lock_guard lock(m_mutex);
    pruneExpired(nowUnixSeconds);
    if (m_expiryByKey.contains(key)) {
        return false;
    }
    if (m_expiryByKey.size() >= m_capacity) {
        const auto oldest = m_keysByExpiry.begin();
        m_expiryByKey.erase(oldest->second);
        m_keysByExpiry.erase(oldest);
    }
    const std::int64_t latest =
        std::clamp(timestamp, nowUnixSeconds, nowUnixSeconds + kWindowSeconds);
    const std::int64_t expiry = latest + kWindowSeconds;
    m_keysByExpiry.emplace(expiry, key);
    m_expiryByKey.emplace(std::move(key), expiry);
    return true;
}

std::size_t NonceCache::size() const {
    const std::lock_guard lock(m_mutex);
    return m_expiryByKey.size();
}

void NonceCache::pruneExpired(std::int64_t nowUnixSeconds) {
    while (!m_keysByExpiry.empty() && m_keysByExpiry.begin()->first <= nowUnixSeconds) {
        m_expiryByKey.erase(m_keysByExpiry.begin()->second);
        m_keysByExpiry.erase(m_keysByExpiry.begin());
    }
}

}  // namespace regie::api::zego
