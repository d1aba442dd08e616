#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "protocol_client.h"

struct sockaddr_in;

namespace regie::loadgen {

using Clock = std::chrono::steady_clock;

// What one player went through, for the summary.
struct PlayerRecord {
    Clock::time_point created;
    bool connected = false;
    std::optional<Clock::time_point> firstFrame;
    bool firstFrameKey = false;
    std::uint64_t bytes = 0;
    std::uint64_t windowStartBytes = 0;
    std::uint64_t windowEndBytes = 0;
    Clock::time_point lastData;
    Clock::duration longestWindowGap{};
    std::string failure;
};

// One player connection: a non-blocking socket registered with an epoll set, the protocol
// client it carries and the output it could not write yet.
class Player final : public ClientEvents {
public:
    Player(int epollFd, std::uint64_t tag, std::unique_ptr<ProtocolClient> client);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    void open(const sockaddr_in& address, Clock::time_point now);
    void onEvents(std::uint32_t events, std::span<std::uint8_t> buffer, Clock::time_point now);
    void beginWindow(Clock::time_point start);
    void endWindow(Clock::time_point end);
    void close();

    bool active() const { return m_fd >= 0; }
    PlayerRecord& record() { return m_record; }
    const PlayerRecord& record() const { return m_record; }

    void send(std::string_view bytes) override;
    void codedVideoFrame(bool keyFrame) override;
    void fail(std::string reason) override;

private:
    void onConnected();
    void onReadable(std::span<std::uint8_t> buffer, Clock::time_point now);
    void flush();
    void watch(bool writable);
    void failWithErrno(const char* what, int error);
    void noteGap(Clock::time_point now);

    int m_epollFd;
    std::uint64_t m_tag;
    int m_fd = -1;
    bool m_connecting = false;
    bool m_watchingWrites = false;
    std::unique_ptr<ProtocolClient> m_client;
    std::string m_pending;
    Clock::time_point m_now;
    std::optional<Clock::time_point> m_windowStart;
    PlayerRecord m_record;
};

}  // namespace regie::loadgen
