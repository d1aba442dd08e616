#include "player.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace regie::loadgen {

Player::Player(int epollFd, std::uint64_t tag, std::unique_ptr<ProtocolClient> client)
    : m_epollFd(epollFd), m_tag(tag), m_client(std::move(client)) {}

Player::~Player() {
    close();
}

void Player::open(const sockaddr_in& address, Clock::time_point now) {
    m_record.created = now;
    m_record.lastData = now;
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        failWithErrno("socket", errno);
        return;
    }
    int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    epoll_event event{.events = EPOLLOUT, .data = {.u64 = m_tag}};
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_fd, &event) != 0) {
        failWithErrno("epoll_ctl", errno);
        return;
    }
    m_watchingWrites = true;
    m_connecting = true;
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS) {
        failWithErrno("connect", errno);
    }
}

void Player::onEvents(std::uint32_t events, std::span<std::uint8_t> buffer, Clock::time_point now) {
    m_now = now;
    if (m_connecting) {
        int error = 0;
        socklen_t size = sizeof error;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error != 0) {
            failWithErrno("connect", error);
            return;
        }
        if (!(events & EPOLLOUT)) {
            return;
        }
        onConnected();
    } else if (events & EPOLLOUT) {
        flush();
    }
    if (active() && (events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
        onReadable(buffer, now);
    }
}

void Player::onConnected() {
    m_connecting = false;
    m_record.connected = true;
    watch(false);
    m_client->start(*this);
}

void Player::onReadable(std::span<std::uint8_t> buffer, Clock::time_point now) {
    ssize_t n = ::recv(m_fd, buffer.data(), buffer.size(), 0);
    if (n == 0) {
        fail("closed by server");
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EINTR) {
            failWithErrno("recv", errno);
        }
        return;
    }
    noteGap(now);
    m_record.lastData = now;
    m_record.bytes += static_cast<std::uint64_t>(n);
    m_client->onData(buffer.first(static_cast<std::size_t>(n)), *this);
}

void Player::beginWindow(Clock::time_point start) {
    m_windowStart = start;
    m_record.windowStartBytes = m_record.bytes;
}

void Player::endWindow(Clock::time_point end) {
    noteGap(end);
    m_record.windowEndBytes = m_record.bytes;
}

void Player::noteGap(Clock::time_point now) {
    if (m_windowStart) {
        auto gap = now - std::max(m_record.lastData, *m_windowStart);
        m_record.longestWindowGap = std::max(m_record.longestWindowGap, gap);
    }
}

void Player::send(std::string_view bytes) {
    if (!active()) {
        return;
    }
    if (m_pending.empty()) {
        ssize_t n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN) {
            failWithErrno("send", errno);
            return;
        }
        bytes.remove_prefix(n < 0 ? 0 : static_cast<std::size_t>(n));
    }
    if (!bytes.empty()) {
        m_pending.append(bytes);
        watch(true);
    }
}

void Player::flush() {
    ssize_t n = ::send(m_fd, m_pending.data(), m_pending.size(), MSG_NOSIGNAL);
    if (n < 0) {
        if (errno != EAGAIN) {
            failWithErrno("send", errno);
        }
        return;
    }
    m_pending.erase(0, static_cast<std::size_t>(n));
    if (m_pending.empty()) {
        watch(false);
    }
}

void Player::watch(bool writable) {
    if (writable == m_watchingWrites) {
        return;
    }
    m_watchingWrites = writable;
    epoll_event event{.events = EPOLLIN | (writable ? EPOLLOUT : 0u), .data = {.u64 = m_tag}};
    ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, m_fd, &event);
}

void Player::codedVideoFrame(bool keyFrame) {
    m_record.firstFrame = m_now;
    m_record.firstFrameKey = keyFrame;
}

void Player::fail(std::string reason) {
    if (m_record.failure.empty()) {
        m_record.failure = std::move(reason);
    }
    close();
}

void Player::failWithErrno(const char* what, int error) {
    fail(std::string(what) + ": " + std::strerror(error));
}

void Player::close() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

}  // namespace regie::loadgen
