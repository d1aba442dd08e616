#pragma once
// The transport-neutral shape of one API request and its reply. The HTTP server fills an
// ApiCall from the wire; an API door (ZLM, ZEGO) answers through a ReplySink. Doors never see
// Beast types, so they can be tested without sockets.

#include <array>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace regie::api {

struct Header {
    std::string name;
    std::string value;
};

struct ApiCall {
    std::string method;    // "GET", "POST", ...
    std::string path;      // percent-decoded path, no query
    std::string rawQuery;  // query string as received, without '?', not decoded
    std::vector<Header> headers;
    std::string body;
    std::string peerIp;
    std::string sessionId;  // the connection carrying the call (see core::SessionRegistry)

    // Value of the first header with this name (case-insensitive), or empty.
    std::string_view header(std::string_view name) const;
};

// The pieces of one outgoing message (an FLV tag is header, body, trailer). Fixed capacity and
// stored inline, so the per-player fan-out path allocates nothing; an Asio buffer sequence.
class BufferList {
public:
    static constexpr std::size_t kCapacity = 4;

    BufferList() = default;
    BufferList(std::initializer_list<boost::asio::const_buffer> buffers) {
        for (const auto& b : buffers) {
            if (!add(b)) {
                throw std::length_error("more buffers than a BufferList holds");
            }
        }
    }
    // False when full: the caller splits the message.
    [[nodiscard]] bool add(boost::asio::const_buffer b) {
        if (m_size == kCapacity) {
            return false;
        }
        m_items[m_size++] = b;
        return true;
    }
    const boost::asio::const_buffer* begin() const { return m_items.data(); }
    const boost::asio::const_buffer* end() const { return m_items.data() + m_size; }
    std::size_t size() const { return m_size; }

private:
    std::array<boost::asio::const_buffer, kCapacity> m_items{};
    std::size_t m_size = 0;
};

// A response body produced over time (live FLV). The connection implements it; a producer
// queues messages made of buffers that `owner` keeps alive (shared, never copied).
class BodyChannel {
public:
    virtual ~BodyChannel() = default;
    virtual boost::asio::any_io_executor executor() const = 0;
    // On executor(): queue one message and start writing; bytes not yet written are counted
    // by queuedBytes(). queue() holds the write until flush(), to gather several messages.
    virtual void send(BufferList buffers, std::shared_ptr<const void> owner) = 0;
    virtual void queue(BufferList buffers, std::shared_ptr<const void> owner) = 0;
    virtual void flush() = 0;
    virtual std::size_t queuedBytes() const = 0;
    virtual std::uint64_t sentBytes() const = 0;
    // Ends the body and the connection after what is queued (any thread).
    virtual void close() = 0;
};

// The producer side, handed to the connection in an ApiReply.
class BodyProducer {
public:
    virtual ~BodyProducer() = default;
    // On the channel's executor, after the response head was sent.
    virtual void attach(std::shared_ptr<BodyChannel> channel) = 0;
    // The client went away (on the channel's executor).
    virtual void detach() = 0;
};

struct ApiReply {
    unsigned status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::string body;
    std::vector<Header> headers;
    bool closeConnection = false;
    std::shared_ptr<BodyProducer> stream;  // set: a chunked body that lasts until either side ends
};

// Called exactly once, from any thread. The HTTP session marshals it back to its own thread.
using ReplySink = std::function<void(ApiReply)>;

}  // namespace regie::api
