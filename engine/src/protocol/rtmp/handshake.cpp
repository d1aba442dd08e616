#include "protocol/rtmp/handshake.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <optional>

namespace regie::rtmp {

namespace {

constexpr std::size_t kDigestSize = 32;
constexpr std::size_t kC0C1Size = 1 + kHandshakeSize;

// The publicly known Flash Player / Flash Media Server keys: the text part signs C1/S1, the
// whole key derives the C2/S2 signing key.
constexpr std::array<std::uint8_t, 32> kKeyTail = {
    0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
    0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE};
constexpr std::string_view kPlayerKeyText = "Genuine Adobe Flash Player 001";
constexpr std::string_view kServerKeyText = "Genuine Adobe Flash Media Server 001";
// Any version at or above 3.0.0.0 tells players to verify the digest.
constexpr std::array<std::uint8_t, 4> kServerVersion = {0x0D, 0x0E, 0x0A, 0x0D};

using Digest = std::array<std::uint8_t, kDigestSize>;

Bytes keyBytes(std::string_view text, bool withTail) {
    Bytes key(text.begin(), text.end());
    if (withTail) {
        key.insert(key.end(), kKeyTail.begin(), kKeyTail.end());
    }
    return key;
}

Digest hmacSha256(ByteSpan key, ByteSpan data) {
    Digest out{};
    std::size_t len = 0;
    EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.data(), key.size(), data.data(),
              data.size(), out.data(), out.size(), &len);
    return out;
}

// The digest offset inside a 1536-byte C1/S1: scheme 0 reads the offset bytes at 8, scheme 1
// at 772; each picks a position within the 764-byte block that follows.
std::size_t digestOffset(ByteSpan block, int scheme) {
    std::size_t base = scheme == 0 ? 8 : 772;
    std::size_t sum = block[base] + block[base + 1] + block[base + 2] + block[base + 3];
    return sum % 728 + base + 4;
}

Digest blockDigest(ByteSpan block, std::size_t offset, ByteSpan key) {
    Bytes joined(block.begin(), block.begin() + static_cast<std::ptrdiff_t>(offset));
    joined.insert(joined.end(), block.begin() + static_cast<std::ptrdiff_t>(offset + kDigestSize),
                  block.end());
    return hmacSha256(key, joined);
}

struct ClientDigest {
    int scheme;
    std::size_t offset;
};

std::optional<ClientDigest> findClientDigest(ByteSpan c1) {
    auto key = keyBytes(kPlayerKeyText, false);
    for (int scheme : {0, 1}) {
        auto offset = digestOffset(c1, scheme);
        auto digest = blockDigest(c1, offset, key);
        if (std::equal(digest.begin(), digest.end(),
                       c1.begin() + static_cast<std::ptrdiff_t>(offset))) {
            return ClientDigest{scheme, offset};
        }
    }
    return std::nullopt;
}

void fillRandom(std::uint8_t* p, std::size_t n) {
    RAND_bytes(p, static_cast<int>(n));
}

// Moves up to `want - buffer.size()` bytes from the front of `in` into `buffer`.
void fill(Bytes& buffer, std::size_t want, ByteSpan& in) {
    auto n = std::min(want - buffer.size(), in.size());
    buffer.insert(buffer.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(n));
    in = in.subspan(n);
}

}  // namespace

Bytes ServerHandshake::answer(ByteSpan c1) {
    Bytes out(1 + 2 * kHandshakeSize);
    out[0] = kRtmpVersion;
    auto* s1 = out.data() + 1;
    auto* s2 = s1 + kHandshakeSize;
    fillRandom(s1, kHandshakeSize);
    fillRandom(s2, kHandshakeSize);
    std::fill(s1, s1 + 4, 0);

    auto client = getU32(c1.data() + 4) != 0 ? findClientDigest(c1) : std::nullopt;
    if (!client) {
        m_mode = HandshakeMode::Plain;
        std::fill(s1 + 4, s1 + 8, 0);
        std::copy(c1.begin(), c1.end(), s2);
        return out;
    }
    m_mode = HandshakeMode::Digest;
    std::copy(kServerVersion.begin(), kServerVersion.end(), s1 + 4);
    ByteSpan s1Span(s1, kHandshakeSize);
    auto offset = digestOffset(s1Span, client->scheme);
    auto s1Digest = blockDigest(s1Span, offset, keyBytes(kServerKeyText, false));
    std::copy(s1Digest.begin(), s1Digest.end(), s1 + offset);

    auto s2Key =
        hmacSha256(keyBytes(kServerKeyText, true), c1.subspan(client->offset, kDigestSize));
    auto signature = hmacSha256(s2Key, ByteSpan(s2, kHandshakeSize - kDigestSize));
    std::copy(signature.begin(), signature.end(), s2 + kHandshakeSize - kDigestSize);
    return out;
}

core::Status ServerHandshake::feed(ByteSpan in, Bytes& out) {
    if (m_state == State::Failed) {
        return core::Error{"rtmp handshake: already failed"};
    }
    if (m_state == State::WaitC0C1) {
        fill(m_buffer, kC0C1Size, in);
        if (m_buffer.size() < kC0C1Size) {
            return core::okStatus();
        }
        if (m_buffer[0] != kRtmpVersion) {
            m_state = State::Failed;
            return core::Error{"rtmp handshake: unsupported version " +
                               std::to_string(m_buffer[0])};
        }
        auto reply = answer(ByteSpan(m_buffer).subspan(1));
        out.insert(out.end(), reply.begin(), reply.end());
        m_buffer.clear();
        m_state = State::WaitC2;
    }
    if (m_state == State::WaitC2) {
        fill(m_buffer, kHandshakeSize, in);
        if (m_buffer.size() < kHandshakeSize) {
            return core::okStatus();
        }
        m_buffer = Bytes();
        m_state = State::Done;
    }
    m_leftover.insert(m_leftover.end(), in.begin(), in.end());
    return core::okStatus();
}

Bytes ClientHandshake::start() {
    Bytes out(kC0C1Size, 0);
    out[0] = kRtmpVersion;
    fillRandom(out.data() + 9, kHandshakeSize - 8);
    return out;
}

core::Status ClientHandshake::feed(ByteSpan in, Bytes& out) {
    if (m_state == State::Failed) {
        return core::Error{"rtmp handshake: already failed"};
    }
    if (m_state == State::WaitS0S1) {
        fill(m_buffer, kC0C1Size, in);
        if (m_buffer.size() < kC0C1Size) {
            return core::okStatus();
        }
        if (m_buffer[0] != kRtmpVersion) {
            m_state = State::Failed;
            return core::Error{"rtmp handshake: server answered version " +
                               std::to_string(m_buffer[0])};
        }
        // C2 echoes S1, which is what plain servers check, if anything.
        out.insert(out.end(), m_buffer.begin() + 1, m_buffer.end());
        m_buffer.clear();
        m_state = State::WaitS2;
    }
    if (m_state == State::WaitS2) {
        fill(m_buffer, kHandshakeSize, in);
        if (m_buffer.size() < kHandshakeSize) {
            return core::okStatus();
        }
        m_buffer = Bytes();
        m_state = State::Done;
    }
    m_leftover.insert(m_leftover.end(), in.begin(), in.end());
    return core::okStatus();
}

}  // namespace regie::rtmp
