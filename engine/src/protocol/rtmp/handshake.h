#pragma once
// The RTMP handshake as byte-in/byte-out state machines. The server answers both the plain
// handshake and the Flash "digest" handshake (HMAC-SHA256 over C1/S1, signed C2/S2), which
// players such as ffmpeg verify; a C1 without a valid digest gets the plain answer.

#include <cstddef>
#include <cstdint>

#include "core/result.h"
#include "protocol/rtmp/bytes.h"

namespace regie::rtmp {

inline constexpr std::size_t kHandshakeSize = 1536;
inline constexpr std::uint8_t kRtmpVersion = 3;

enum class HandshakeMode { Plain, Digest };

class ServerHandshake {
public:
    // Consumes received bytes and appends S0+S1+S2 to `out` once C0+C1 are in. An error means
    // the peer does not speak (unencrypted) RTMP; the handshake then stays failed.
    core::Status feed(ByteSpan in, Bytes& out);
    bool done() const { return m_state == State::Done; }
    HandshakeMode mode() const { return m_mode; }
    // Bytes received after C2 (the first chunks), to give to the chunk reader; moves them out.
    Bytes takeLeftover() { return std::move(m_leftover); }

private:
    enum class State { WaitC0C1, WaitC2, Done, Failed };

    Bytes answer(ByteSpan c1);

    State m_state = State::WaitC0C1;
    HandshakeMode m_mode = HandshakeMode::Plain;
    Bytes m_buffer;
    Bytes m_leftover;
};

// The client side, plain handshake: for load generators and tests. S0 must carry version 3;
// S1/S2 contents are not checked, as servers differ.
class ClientHandshake {
public:
    // C0+C1, to send first.
    Bytes start();
    // Appends C2 to `out` once S0+S1 are in; done() after S2.
    core::Status feed(ByteSpan in, Bytes& out);
    bool done() const { return m_state == State::Done; }
    Bytes takeLeftover() { return std::move(m_leftover); }

private:
    enum class State { WaitS0S1, WaitS2, Done, Failed };

    State m_state = State::WaitS0S1;
    Bytes m_buffer;
    Bytes m_leftover;
};

}  // namespace regie::rtmp
