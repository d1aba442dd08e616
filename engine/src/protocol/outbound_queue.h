#pragma once
// Messages waiting for a connection's socket, shared by every session kind (WebSocket peers,
// streamed HTTP bodies, RTMP): bounded, counted in bytes for slow-reader decisions, closed
// gracefully after a drain. Everything runs on the connection's own executor.

#include <algorithm>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/circular_buffer.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "api/api_call.h"
#include "media/out_packet.h"

namespace regie::protocol {

namespace asio = boost::asio;

// Messages waiting for a connection's socket, shared by WebSocket peers and streamed bodies:
// bounded, counted in bytes for slow-reader decisions, closed gracefully after a drain.
struct Outbound {
    api::BufferList buffers;
    std::shared_ptr<const void> owner;
    std::size_t bytes = 0;
    bool text = false;
};

// The buffers of a muxed packet. Muxers make at most BufferList::kCapacity pieces; more is a
// programming error that must not silently truncate a stream.
// A connection's waiting messages. A ring that grows when full and keeps a small storage: a
// player that keeps up pushes and pops one message per frame without touching the allocator,
// and the room a burst (a new player's GOP) needed is given back once it has gone out.
class OutboundRing {
public:
    using Storage = boost::circular_buffer<Outbound>;

    void push(Outbound m) {
        if (m_items.full()) {
            m_items.set_capacity(std::max<std::size_t>(kInitialCapacity, m_items.capacity() * 2));
        }
        m_items.push_back(std::move(m));
    }
    void pop() {
        m_items.pop_front();
        if (m_items.empty() && m_items.capacity() > kInitialCapacity) {
            m_items.set_capacity(kInitialCapacity);
        }
    }
    const Outbound& front() const { return m_items.front(); }
    std::size_t size() const { return m_items.size(); }
    bool empty() const { return m_items.empty(); }
    void clear() { m_items.clear(); }
    Storage::const_iterator begin() const { return m_items.begin(); }
    Storage::const_iterator end() const { return m_items.end(); }

private:
    static constexpr std::size_t kInitialCapacity = 8;
    Storage m_items;
};

inline api::BufferList packetBuffers(const media::OutPacket& packet) {
    api::BufferList buffers;
    for (const auto& piece : packet.pieces) {
        if (!buffers.add(piece.asio())) {
            throw std::length_error("packet has more pieces than a BufferList holds");
        }
    }
    return buffers;
}

template <typename Derived>
class OutboundQueue : public std::enable_shared_from_this<Derived> {
public:
    explicit OutboundQueue(asio::any_io_executor executor) : m_executor(std::move(executor)) {}

    asio::any_io_executor queueExecutor() const { return m_executor; }

    // general.mergeWriteMS: gather writes for up to this long after the previous one started
    // (fewer, larger writes for more latency). The first write is never held back.
    void setMergeWindow(std::chrono::milliseconds window) { m_mergeWindow = window; }
    std::size_t queued() const { return m_queuedBytes; }
    std::uint64_t bytesWritten() const { return m_bytesWritten; }

    // Queues and starts writing. A caller with several messages at once queues them with
    // `start` false and calls flush(), so they go out in one gathered write.
    void enqueue(Outbound m, bool start = true) {
        if (m_closed || m_closing) {
            return;
        }
        if (m_queue.size() >= kMaxQueuedMessages || m_queuedBytes + m.bytes > kMaxQueuedBytes) {
            closeNow();
            return;
        }
        m_queuedBytes += m.bytes;
        m_queue.push(std::move(m));
        if (start) {
            flush();
        }
    }

    void flush() {
        if (m_writing || m_closed || m_mergeArmed) {
            return;
        }
        auto due = m_lastWrite + m_mergeWindow;
        if (m_mergeWindow.count() <= 0 || std::chrono::steady_clock::now() >= due) {
            writeNext();
            return;
        }
        m_mergeArmed = true;
        if (!m_mergeTimer) {
            m_mergeTimer = std::make_unique<asio::steady_timer>(m_executor);
        }
        m_mergeTimer->expires_at(due);
        m_mergeTimer->async_wait([self = this->shared_from_this()](boost::system::error_code ec) {
            self->m_mergeArmed = false;
            if (!ec) {
                self->flush();
            }
        });
    }

    // Queued messages go out first, without waiting for a merge window; a client that does not
    // take them within a second is cut.
    void closeGracefully() {
        if (m_closed) {
            return;
        }
        m_closing = true;
        if (!m_writing) {
            if (m_mergeTimer) {
                m_mergeTimer->cancel();
            }
            writeNext();
            if (m_closed) {
                return;
            }
        }
        auto timer = std::make_shared<asio::steady_timer>(m_executor, std::chrono::seconds(1));
        timer->async_wait([self = this->shared_from_this(), timer](boost::system::error_code) {
            self->closeNow();
        });
    }

    void closeNow() {
        if (m_closed) {
            return;
        }
        m_closed = true;
        if (m_mergeTimer) {
            m_mergeTimer->cancel();
        }
        m_queue.clear();
        m_queuedBytes = 0;
        static_cast<Derived*>(this)->closeSocket();
    }

protected:
    static constexpr std::size_t kMaxQueuedMessages = 8192;
    static constexpr std::size_t kMaxQueuedBytes = std::size_t{64} * 1024 * 1024;

    // A write that completes at once calls written() from inside writeFront(); the loop takes
    // the next batch then, instead of recursing once per batch.
    void writeNext() {
        if (m_inWriteNext) {
            m_writeNextAgain = true;
            return;
        }
        m_inWriteNext = true;
        do {
            m_writeNextAgain = false;
            if (m_closed || m_queue.empty()) {
                m_writing = false;
                if (m_closing) {
                    closeNow();
                }
                break;
            }
            m_writing = true;
            if (m_mergeWindow.count() > 0) {
                m_lastWrite = std::chrono::steady_clock::now();
            }
            static_cast<Derived*>(this)->writeFront(m_queue);
        } while (m_writeNextAgain);
        m_inWriteNext = false;
    }

    // Called by the derived class when its write of the first `count` messages completed, from
    // inside writeFront() (a write the socket took at once) or later.
    void written(boost::system::error_code ec, std::size_t count) {
        if (m_closed) {
            return;
        }
        if (ec) {
            m_writing = false;
            closeNow();
            return;
        }
        for (std::size_t i = 0; i < count && !m_queue.empty(); ++i) {
            m_queuedBytes -= m_queue.front().bytes;
            m_bytesWritten += m_queue.front().bytes;
            m_queue.pop();
        }
        writeNext();
    }

    bool isClosed() const { return m_closed; }

private:
    asio::any_io_executor m_executor;
    OutboundRing m_queue;
    std::size_t m_queuedBytes = 0;
    std::uint64_t m_bytesWritten = 0;
    bool m_writing = false;
    bool m_closing = false;
    bool m_mergeArmed = false;
    bool m_inWriteNext = false;
    bool m_writeNextAgain = false;
    std::chrono::milliseconds m_mergeWindow{0};
    std::chrono::steady_clock::time_point m_lastWrite{};
    std::unique_ptr<asio::steady_timer> m_mergeTimer;
    bool m_closed = false;
};

}  // namespace regie::protocol
