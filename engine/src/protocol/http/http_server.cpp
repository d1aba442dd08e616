#include "protocol/http/http_server.h"

#include <array>
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <charconv>
#include <ctime>
#include <functional>
#include <limits>

#include "core/object_stats.h"
#include "core/text.h"
#include "protocol/gathered_write.h"
#include "protocol/outbound_queue.h"
#include "protocol/tcp_listener.h"

namespace regie::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(use_awaitable);

namespace {

using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

std::string httpDate() {
    thread_local std::time_t cachedSecond = 0;
    thread_local std::string cached;
    std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[64];
        std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        cached = buf;
        cachedSecond = now;
    }
    return cached;
}

// A session registered with the server so stop() can close it on its own thread.
struct SessionHandle {
    asio::any_io_executor executor;
    std::function<void()> close;  // runs on `executor`; cleared when the session ends
};

// Guarantees a ReplySink answers exactly once, even if a handler drops it.
struct ReplyOnce {
    std::function<void(api::ApiReply)> deliver;
    bool done = false;
    ~ReplyOnce() {
        if (!done && deliver) {
            api::ApiReply r;
            r.status = 500;
            r.contentType = "text/plain";
            r.body = "handler did not answer";
            deliver(std::move(r));
        }
    }
};

api::ApiCall toApiCall(const Request& req, const std::string& peerIp,
                       const std::string& sessionId) {
    api::ApiCall call;
    call.method = std::string(req.method_string());
    std::string_view target = req.target();
    auto q = target.find('?');
    call.path = core::percentDecode(target.substr(0, q), false);
    if (q != std::string_view::npos) {
        call.rawQuery = std::string(target.substr(q + 1));
    }
    for (const auto& field : req) {
        call.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    call.body = req.body();
    call.peerIp = peerIp;
    call.sessionId = sessionId;
    return call;
}

class WebSocketSession;

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
    Impl(core::LoopPool& io, HttpHandler& handler, core::SessionRegistry& sessions,
         core::Logger& log)
        : io(io), handler(handler), registry(sessions), log(log) {}

    core::LoopPool& io;
    HttpHandler& handler;
    core::SessionRegistry& registry;
    core::Logger& log;

    mutable std::mutex mutex;
    HttpLimits limits;
    std::shared_ptr<protocol::TcpListener> listener;
    std::set<std::shared_ptr<SessionHandle>> sessions;
    bool stopped = false;

    HttpLimits currentLimits() const {
        std::lock_guard lock(mutex);
        return limits;
    }

    std::shared_ptr<SessionHandle> registerSession(asio::any_io_executor ex) {
        auto h = std::make_shared<SessionHandle>();
        h->executor = std::move(ex);
        std::lock_guard lock(mutex);
        if (stopped) {
            return nullptr;
        }
        sessions.insert(h);
        return h;
    }

    void unregisterSession(const std::shared_ptr<SessionHandle>& h) {
        h->close = nullptr;
        std::lock_guard lock(mutex);
        sessions.erase(h);
    }

    void decorate(Response& res, const HttpLimits& l, bool keepAlive) const {
        res.set(bhttp::field::server, "regie-engine");
        res.set(bhttp::field::date, httpDate());
        if (keepAlive) {
            res.set(bhttp::field::connection, "keep-alive");
            res.set("Keep-Alive",
                    "timeout=" + std::to_string(l.keepAlive.count() / 1000) + ", max=100");
        }
        if (l.allowCrossDomains) {
            res.set(bhttp::field::access_control_allow_origin, "*");
        }
        res.set(bhttp::field::access_control_allow_credentials, "true");
    }

    Response plainResponse(bhttp::status status, unsigned version, const HttpLimits& l,
                           bool keepAlive) const {
        Response res{status, version};
        decorate(res, l, keepAlive);
        res.keep_alive(keepAlive);
        res.prepare_payload();
        return res;
    }

    Response preflight(unsigned version, const HttpLimits& l, bool keepAlive) const {
        Response res = plainResponse(bhttp::status::ok, version, l, keepAlive);
        res.set(bhttp::field::allow, "GET, POST, HEAD, OPTIONS");
        if (l.allowCrossDomains) {
            res.set(bhttp::field::access_control_allow_headers, "*");
            res.set(bhttp::field::access_control_allow_methods, "GET, POST, HEAD, OPTIONS");
        }
        res.set("Access-Control-Request-Methods", "GET, POST, OPTIONS");
        res.set("Access-Control-Request-Headers",
                "Accept,Accept-Language,Content-Language,Content-Type");
        return res;
    }

    Response fromApiReply(api::ApiReply reply, unsigned version, const HttpLimits& l,
                          bool keepAlive) const {
        Response res{static_cast<bhttp::status>(reply.status), version};
        decorate(res, l, keepAlive && !reply.closeConnection);
        if (!reply.contentType.empty()) {
            res.set(bhttp::field::content_type, reply.contentType);
        }
        for (auto& h : reply.headers) {
            res.set(h.name, h.value);
        }
        res.body() = std::move(reply.body);
        res.keep_alive(keepAlive && !reply.closeConnection);
        res.prepare_payload();
        return res;
    }

    template <typename Token>
    auto asyncHandle(api::ApiCall call, Token&& token) {
        return asio::async_initiate<Token, void(api::ApiReply)>(
            [this](auto completion, api::ApiCall c) {
                using Completion = decltype(completion);
                auto shared = std::make_shared<Completion>(std::move(completion));
                auto once = std::make_shared<ReplyOnce>();
                once->deliver = [shared](api::ApiReply r) {
                    auto ex = asio::get_associated_executor(*shared);
                    asio::post(ex,
                               [shared, r = std::move(r)]() mutable { (*shared)(std::move(r)); });
                };
                api::ReplySink sink = [once](api::ApiReply r) {
                    if (once->done) {
                        return;
                    }
                    once->done = true;
                    once->deliver(std::move(r));
                };
                try {
                    handler.handle(std::move(c), std::move(sink));
                } catch (const std::exception& e) {
                    log.error("http.handler_exception", {{"what", e.what()}});
                }
            },
            token, std::move(call));
    }

    awaitable<void> session(tcp::socket socket);
    awaitable<void> streamBody(beast::tcp_stream& stream, api::ApiReply reply, unsigned version,
                               const HttpLimits& l, const std::shared_ptr<SessionHandle>& handle);
    awaitable<void> webSocket(beast::tcp_stream stream, Request req,
                              std::shared_ptr<WebSocketEndpoint> endpoint, std::string peerIp,
                              std::shared_ptr<SessionHandle> handle);
};

namespace {

using protocol::kMaxGatheredBuffers;
using protocol::Outbound;
using protocol::OutboundQueue;
using protocol::OutboundRing;
using protocol::writeGathered;

class WebSocketSession final : public WebSocketPeer, public OutboundQueue<WebSocketSession> {
public:
    WebSocketSession(websocket::stream<beast::tcp_stream>& ws, std::string ip)
        : OutboundQueue(ws.get_executor()), m_ws(&ws), m_ip(std::move(ip)) {}

    // Dispatch, not post: a message sent on the connection's own thread is queued at once, so
    // it cannot be overtaken by one another thread posts meanwhile (posts made inside a handler
    // wait in the thread's private queue until the handler returns).
    void sendText(std::shared_ptr<const std::string> message) override {
        asio::dispatch(queueExecutor(),
                       [self = shared_from_this(), m = std::move(message)]() mutable {
                           Outbound out{{asio::buffer(*m)}, m, m->size(), true};
                           self->enqueue(std::move(out));
                       });
    }

    asio::any_io_executor executor() const override { return queueExecutor(); }
    void send(api::BufferList buffers, std::shared_ptr<const void> owner) override {
        queue(buffers, std::move(owner));
        OutboundQueue::flush();
    }
    void queue(api::BufferList buffers, std::shared_ptr<const void> owner) override {
        std::size_t bytes = asio::buffer_size(buffers);
        enqueue(Outbound{buffers, std::move(owner), bytes, false}, false);
    }
    void flush() override { OutboundQueue::flush(); }
    std::size_t queuedBytes() const override { return queued(); }
    std::uint64_t sentBytes() const override { return bytesWritten(); }
    void close() override {
        asio::post(queueExecutor(), [self = shared_from_this()] { self->closeGracefully(); });
    }
    const std::string& remoteIp() const override { return m_ip; }

    // Called on the session's thread when the coroutine owning the stream ends.
    void detach() {
        closeNow();
        m_ws = nullptr;
    }

    void writeFront(const OutboundRing& queue) {
        m_ws->text(queue.front().text);
        m_ws->async_write(queue.front().buffers,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->written(ec, 1);
                          });
    }

    void closeSocket() {
        if (m_ws != nullptr) {
            beast::error_code ec;
            m_ws->next_layer().socket().shutdown(tcp::socket::shutdown_both, ec);
            m_ws->next_layer().socket().close(ec);
        }
    }

private:
    websocket::stream<beast::tcp_stream>* m_ws;
    std::string m_ip;
};

// A chunked response body fed by a BodyProducer; batches queued messages into one write.
class StreamedBody final : public api::BodyChannel, public OutboundQueue<StreamedBody> {
public:
    explicit StreamedBody(beast::tcp_stream& stream)
        : OutboundQueue(stream.get_executor()), m_stream(&stream) {}

    asio::any_io_executor executor() const override { return queueExecutor(); }
    void send(api::BufferList buffers, std::shared_ptr<const void> owner) override {
        queue(buffers, std::move(owner));
        OutboundQueue::flush();
    }
    void queue(api::BufferList buffers, std::shared_ptr<const void> owner) override {
        std::size_t bytes = asio::buffer_size(buffers);
        if (bytes > 0) {  // an empty message means the end of the body
            enqueue(Outbound{buffers, std::move(owner), bytes, false}, false);
        }
    }
    void flush() override { OutboundQueue::flush(); }
    std::size_t queuedBytes() const override { return queued(); }
    std::uint64_t sentBytes() const override { return bytesWritten(); }
    // Ends the body properly (the zero-length last chunk), then the connection.
    void close() override {
        asio::post(queueExecutor(), [self = shared_from_this()] {
            self->enqueue(Outbound{{}, nullptr, 0, false});
            self->closeGracefully();
        });
    }

    void detach() {
        closeNow();
        m_stream = nullptr;
    }

    // The queued messages go out as one chunk, in one gathered write; the end of the body (an
    // empty message) is a last chunk of its own.
    void writeFront(const OutboundRing& queue) {
        static constexpr std::string_view kCrlf = "\r\n";
        static constexpr std::string_view kLastChunk = "0\r\n\r\n";
        m_batch.clear();
        if (queue.front().bytes == 0) {
            m_batch.push_back(asio::buffer(kLastChunk.data(), kLastChunk.size()));
            writeBatch(1);
            return;
        }
        m_batch.emplace_back();  // the chunk head, once the size is known
        std::size_t count = 0;
        std::size_t bytes = 0;
        for (const auto& m : queue) {
            if (m.bytes == 0 ||
                (count > 0 && m_batch.size() + m.buffers.size() + 1 > kMaxGatheredBuffers)) {
                break;
            }
            m_batch.insert(m_batch.end(), m.buffers.begin(), m.buffers.end());
            bytes += m.bytes;
            ++count;
        }
        char* end = std::to_chars(m_chunkHead.data(), m_chunkHead.data() + 16, bytes, 16).ptr;
        *end++ = '\r';
        *end++ = '\n';
        m_batch.front() =
            asio::buffer(m_chunkHead.data(), static_cast<std::size_t>(end - m_chunkHead.data()));
        m_batch.push_back(asio::buffer(kCrlf.data(), kCrlf.size()));
        writeBatch(count);
    }

    void closeSocket() {
        if (m_stream != nullptr) {
            beast::error_code ec;
            m_stream->socket().shutdown(tcp::socket::shutdown_both, ec);
            m_stream->socket().close(ec);
        }
    }

private:
    void writeBatch(std::size_t count) {
        writeGathered(
            m_stream->socket(), m_batch,
            [self = shared_from_this(), count](beast::error_code ec) { self->written(ec, count); });
    }

    beast::tcp_stream* m_stream;
    std::array<char, 24> m_chunkHead{};
    std::vector<asio::const_buffer> m_batch;
};

}  // namespace

// After refusing a request whose body was not read, closing at once would make the kernel reset
// the connection and the client could lose the response; stop sending, drain briefly, then close.
awaitable<void> lingeringClose(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(2));
    std::array<char, 4096> sink{};
    std::size_t drained = 0;
    while (drained < std::size_t{1024} * 1024) {
        auto [rec, n] = co_await stream.async_read_some(asio::buffer(sink), kTuple);
        if (rec) {
            break;
        }
        drained += n;
    }
}

awaitable<void> HttpServer::Impl::session(tcp::socket socket) {
    core::ObjectCount<core::ObjectKind::TcpSession> sessionCounted;
    core::ObjectCount<core::ObjectKind::Socket> socketCounted;
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto peer = socket.remote_endpoint(ignored);
    auto local = socket.local_endpoint(ignored);
    std::string peerIp = peer.address().to_string();
    beast::tcp_stream stream(std::move(socket));

    auto handle = registerSession(stream.get_executor());
    if (!handle) {
        co_return;
    }
    handle->close = [&stream] {
        beast::error_code ec;
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream.socket().close(ec);
    };
    std::string sessionId = registry.nextId();
    registry.add({sessionId,
                  "mediakit::HttpSession",
                  local.address().to_string(),
                  local.port(),
                  peerIp,
                  peer.port(),
                  {},
                  {}},
                 [handle] {
                     asio::post(handle->executor, [handle] {
                         if (handle->close) {
                             handle->close();
                         }
                     });
                 });
    struct Unregister {
        Impl* impl;
        std::shared_ptr<SessionHandle> h;
        std::string id;
        ~Unregister() {
            impl->registry.remove(id);
            impl->unregisterSession(h);
        }
    } unregister{this, handle, sessionId};

    beast::flat_buffer buffer;
    for (;;) {
        HttpLimits l = currentLimits();
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(l.maxHeaderBytes));
        parser.body_limit(l.maxBodyBytes);
        stream.expires_after(l.keepAlive);

        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
        if (ec == bhttp::error::header_limit || ec == bhttp::error::body_limit) {
            // The parser checks a declared Content-Length against the limit with the header.
            Response res = plainResponse(ec == bhttp::error::header_limit
                                             ? bhttp::status::request_header_fields_too_large
                                             : bhttp::status::payload_too_large,
                                         11, l, false);
            co_await bhttp::async_write(stream, res, kTuple);
            co_await lingeringClose(stream);
            break;
        }
        if (ec) {
            break;  // closed, timed out (slow or idle client), or malformed
        }
        const auto& head = parser.get();
        unsigned version = head.version();
        bool keepAlive = head.keep_alive();

        auto contentLength = parser.content_length();
        if (contentLength && *contentLength > l.maxBodyBytes) {
            Response res = plainResponse(bhttp::status::payload_too_large, version, l, false);
            co_await bhttp::async_write(stream, res, kTuple);
            co_await lingeringClose(stream);
            break;
        }
        if (head.method() == bhttp::verb::post && !contentLength && !parser.chunked()) {
            Response res = plainResponse(bhttp::status::length_required, version, l, false);
            co_await bhttp::async_write(stream, res, kTuple);
            co_await lingeringClose(stream);
            break;
        }
        if (!parser.is_done()) {
            auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
            if (bec == bhttp::error::body_limit) {
                Response res = plainResponse(bhttp::status::payload_too_large, version, l, false);
                co_await bhttp::async_write(stream, res, kTuple);
                co_await lingeringClose(stream);
                break;
            }
            if (bec) {
                break;
            }
        }
        Request req = parser.release();

        if (websocket::is_upgrade(req)) {
            stream.expires_never();
            UpgradeDecision decision = handler.upgrade(toApiCall(req, peerIp, sessionId));
            if (decision.endpoint) {
                handle->close = nullptr;
                co_await webSocket(std::move(stream), std::move(req), decision.endpoint, peerIp,
                                   handle);
                co_return;
            }
            Response res = fromApiReply(std::move(decision.refusal), version, l, false);
            co_await bhttp::async_write(stream, res, kTuple);
            break;
        }

        Response res;
        switch (req.method()) {
            case bhttp::verb::options:
                res = preflight(version, l, keepAlive);
                break;
            case bhttp::verb::head:
                res = plainResponse(bhttp::status::ok, version, l, keepAlive);
                break;
            case bhttp::verb::get:
            case bhttp::verb::post:
            case bhttp::verb::delete_: {
                api::ApiReply reply =
                    co_await asyncHandle(toApiCall(req, peerIp, sessionId), use_awaitable);
                if (reply.stream) {
                    // A live body lasts for hours: give back what parsing the request held.
                    buffer.clear();
                    buffer.shrink_to_fit();
                    req = {};
                    co_await streamBody(stream, std::move(reply), version, l, handle);
                    co_return;
                }
                res = fromApiReply(std::move(reply), version, l, keepAlive);
                break;
            }
            default:
                res = plainResponse(bhttp::status::method_not_allowed, version, l, keepAlive);
                res.set(bhttp::field::allow, "GET, POST, HEAD, OPTIONS");
        }
        bool again = res.keep_alive();
        stream.expires_after(l.keepAlive);
        auto [wec, wn] = co_await bhttp::async_write(stream, res, kTuple);
        if (wec || !again) {
            break;
        }
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

awaitable<void> HttpServer::Impl::streamBody(beast::tcp_stream& stream, api::ApiReply reply,
                                             unsigned version, const HttpLimits& l,
                                             const std::shared_ptr<SessionHandle>& handle) {
    auto producer = std::move(reply.stream);
    Response head = fromApiReply(std::move(reply), version, l, true);
    head.chunked(true);
    bhttp::response_serializer<bhttp::string_body> serializer(head);
    stream.expires_after(l.keepAlive);
    auto [hec, hn] = co_await bhttp::async_write_header(stream, serializer, kTuple);
    if (hec) {
        co_return;
    }
    stream.expires_never();
    auto body = std::make_shared<StreamedBody>(stream);
    body->setMergeWindow(l.mergeWrite);
    handle->close = [body] { body->close(); };
    producer->attach(body);
    // The client sends nothing more; a read ends when it leaves or the body is closed.
    std::array<char, 512> scratch{};
    for (;;) {
        auto [rec, n] = co_await stream.async_read_some(asio::buffer(scratch), kTuple);
        if (rec) {
            break;
        }
    }
    handle->close = nullptr;
    producer->detach();
    body->detach();
}

awaitable<void> HttpServer::Impl::webSocket(beast::tcp_stream stream, Request req,
                                            std::shared_ptr<WebSocketEndpoint> endpoint,
                                            std::string peerIp,
                                            std::shared_ptr<SessionHandle> handle) {
    websocket::stream<beast::tcp_stream> ws(std::move(stream));
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = std::chrono::seconds(15);
    timeouts.idle_timeout = std::chrono::seconds(30);
    timeouts.keep_alive_pings = true;
    ws.set_option(timeouts);
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(bhttp::field::server, "regie-engine"); }));
    auto [aec] = co_await ws.async_accept(req, kTuple);
    if (aec) {
        co_return;
    }
    auto peer = std::make_shared<WebSocketSession>(ws, peerIp);
    peer->setMergeWindow(currentLimits().mergeWrite);
    handle->close = [peer] { peer->close(); };
    endpoint->onOpen(peer);
    beast::flat_buffer buffer;
    for (;;) {
        auto [ec, n] = co_await ws.async_read(buffer, kTuple);
        if (ec) {
            break;
        }
        if (ws.got_text()) {
            endpoint->onText(
                std::string_view(static_cast<const char*>(buffer.data().data()), buffer.size()));
        }
        buffer.consume(buffer.size());
    }
    handle->close = nullptr;
    peer->detach();
    endpoint->onClose();
}

HttpServer::HttpServer(core::LoopPool& io, HttpHandler& handler, core::SessionRegistry& sessions,
                       core::Logger& log)
    : m_impl(std::make_shared<Impl>(io, handler, sessions, log)) {}

HttpServer::~HttpServer() {
    stop();
}

core::Result<std::uint16_t> HttpServer::listen(const std::string& ip, std::uint16_t port) {
    auto listener = protocol::TcpListener::open(
        m_impl->io, ip, port,
        [weak = std::weak_ptr<Impl>(m_impl)](tcp::socket socket) {
            auto impl = weak.lock();
            if (!impl) {
                return;
            }
            auto ex = socket.get_executor();
            asio::co_spawn(
                ex, impl->session(std::move(socket)), [weak](const std::exception_ptr& e) {
                    auto self = weak.lock();
                    if (!e || !self) {
                        return;
                    }
                    try {
                        std::rethrow_exception(e);
                    } catch (const std::exception& what) {
                        self->log.error("http.session_exception", {{"what", what.what()}});
                    }
                });
        },
        m_impl->log);
    if (!listener) {
        return listener.error();
    }
    std::lock_guard lock(m_impl->mutex);
    m_impl->listener = listener.value();
    return listener.value()->port();
}

void HttpServer::setLimits(const HttpLimits& limits) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->limits = limits;
}

HttpLimits HttpServer::limits() const {
    return m_impl->currentLimits();
}

void HttpServer::stop() {
    std::set<std::shared_ptr<SessionHandle>> sessions;
    std::shared_ptr<protocol::TcpListener> listener;
    {
        std::lock_guard lock(m_impl->mutex);
        if (m_impl->stopped) {
            return;
        }
        m_impl->stopped = true;
        sessions = m_impl->sessions;
        listener = m_impl->listener;
    }
    if (listener) {
        listener->close();
    }
    for (const auto& h : sessions) {
        asio::post(h->executor, [h] {
            if (h->close) {
                h->close();
            }
        });
    }
}

}  // namespace regie::http
