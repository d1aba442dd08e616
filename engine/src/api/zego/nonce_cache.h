#pragma once
// Remembers (AppId, SignatureNonce, Timestamp) triples so a captured signed request cannot be
// replayed while its Timestamp is still inside the ±600 s window.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace regie::api::zego {

class NonceCache {
public:
    static constexpr std::int64_t kWindowSeconds = 600;
    static constexpr std::size_t kDefaultCapacity = 100'000;

    explicit NonceCache(std::size_t capacity = kDefaultCapacity);

    // Records the triple; false if it was already seen and has not expired yet. An entry lives
    // for 600 s after it was seen and at least until its Timestamp has left the window. When
    // full, the entry closest to expiry is dropped to make room.
    bool insert(std::uint32_t appId, std::string_view signatureNonce, std::int64_t timestamp,
                std::int64_t nowUnixSeconds);

    std::size_t size() const;

private:
    void pruneExpired(std::int64_t nowUnixSeconds);

    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::int64_t> m_expiryByKey;
    std::multimap<std::int64_t, std::string> m_keysByExpiry;
};

}  // namespace regie::api::zego
