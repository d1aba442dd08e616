#include "join_session.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "commands.h"
#include "stdin_lines.h"

namespace regie::room_cli {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace json = boost::json;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr auto kConnectTimeout = 10s;
constexpr auto kReplyTimeout = 10s;  // for login_result and logout_result
constexpr auto kDefaultHeartbeat = 10s;
constexpr auto kMinHeartbeat = 100ms;

std::string stringField(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t intField(const json::object& o, std::string_view key, std::int64_t fallback) {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_int64() ? v->as_int64() : fallback;
}

}  // namespace

JoinSession::JoinSession(std::shared_ptr<asio::io_context> io, WsUrl url, JoinOptions options,
                         std::string token)
    : m_io(std::move(io))
    , m_url(std::move(url))
    , m_options(std::move(options))
    , m_token(std::move(token))
    , m_ws(m_io->get_executor())
    , m_heartbeat(*m_io)
    , m_deadline(*m_io) {}

void JoinSession::start() {
    asio::co_spawn(*m_io, connectAndRead(), asio::detached);
}

asio::awaitable<void> JoinSession::connectAndRead() {
    auto self = shared_from_this();
    const std::string where = m_url.hostHeader + m_url.target;
    asio::ip::tcp::resolver resolver(*m_io);
    auto [rec, endpoints] = co_await resolver.async_resolve(m_url.host, m_url.port, kTuple);
    if (rec) {
        finish(kJoinFailed, "cannot resolve " + m_url.host + ": " + rec.message());
        co_return;
    }
    auto& tcp = beast::get_lowest_layer(m_ws);
    tcp.expires_after(kConnectTimeout);
    auto [cec, endpoint] = co_await tcp.async_connect(endpoints, kTuple);
    if (cec) {
        finish(kJoinFailed, "cannot connect to " + where + ": " + cec.message());
        co_return;
    }
    tcp.expires_never();
    m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    auto [hec] = co_await m_ws.async_handshake(m_url.hostHeader, m_url.target, kTuple);
    if (hec) {
        finish(kJoinFailed, "WebSocket handshake with " + where + " failed: " + hec.message());
        co_return;
    }
    send({{"type", "login"},
          {"protocol", 1},
          {"roomId", m_options.roomId},
          {"userId", m_options.userId},
          {"userName", m_options.userName},
          {"token", m_token}});
    expectWithin(kReplyTimeout, kJoinFailed, "no login_result from " + where);
    beast::flat_buffer buffer;
    while (!m_status) {
        auto [ec, n] = co_await m_ws.async_read(buffer, kTuple);
        if (m_status) {
            break;
        }
        if (ec) {
            finish(m_leaving ? kJoinOk : kJoinFailed,
                   m_leaving ? std::string() : "connection lost: " + ec.message());
            break;
        }
        onMessage(beast::buffers_to_string(buffer.data()));
        buffer.consume(n);
    }
}

asio::awaitable<void> JoinSession::beat(std::chrono::milliseconds interval) {
    auto self = shared_from_this();
    while (!m_status) {
        m_heartbeat.expires_after(interval);
        auto [ec] = co_await m_heartbeat.async_wait(kTuple);
        if (ec || m_status) {
            co_return;
        }
        send({{"type", "heartbeat"}});
    }
}

void JoinSession::onMessage(const std::string& text) {
    boost::system::error_code ec;
    auto value = json::parse(text, ec);
    // One line each: serialize escapes every control character.
    std::cout << json::serialize(ec ? json::value(text) : value) << '\n' << std::flush;
    if (ec || !value.is_object()) {
        return;
    }
    const auto& message = value.as_object();
    const auto type = stringField(message, "type");
    if (type == "login_result") {
        m_deadline.cancel();
        const auto code = intField(message, "code", -1);
        if (code != 0) {
            finish(kJoinRefused, "login refused: code " + std::to_string(code) + ": " +
                                     stringField(message, "message"));
            return;
        }
        onLoggedIn(message);
    } else if (type == "kicked") {
        const auto custom = stringField(message, "customReason");
        finish(kJoinEnded, "the server ended the session: kicked, reason " +
                               std::to_string(intField(message, "reason", -1)) +
                               (custom.empty() ? "" : " (" + custom + ")"));
    } else if (type == "logout_result" && m_leaving) {
        finish(kJoinOk, {});
    }
}

void JoinSession::onLoggedIn(const json::object& result) {
    const auto told = std::chrono::milliseconds(intField(result, "heartbeatIntervalMs", 0));
    const auto interval = told.count() > 0
                              ? std::max<std::chrono::milliseconds>(told, kMinHeartbeat)
                              : std::chrono::milliseconds(kDefaultHeartbeat);
    asio::co_spawn(*m_io, beat(interval), asio::detached);
    for (const auto& streamId : m_options.announce) {
        send({{"type", "stream_add"}, {"streamId", streamId}});
    }
    readStdinLines(m_io, [weak = weak_from_this()](std::optional<std::string> line) {
        if (auto self = weak.lock()) {
            self->onLine(std::move(line));
        }
    });
}

void JoinSession::onLine(std::optional<std::string> line) {
    if (m_status || m_leaving) {
        return;
    }
    if (!line) {
        leave();
        return;
    }
    auto command = parseCommand(*line);
    if (auto* request = std::get_if<json::object>(&command)) {
        send(std::move(*request));
    } else if (std::holds_alternative<Quit>(command)) {
        leave();
    } else if (auto* error = std::get_if<CommandError>(&command)) {
        std::cerr << "regie-room: " << error->message << '\n';
    }
}

void JoinSession::send(json::object request) {
    request["id"] = m_nextId++;
    m_out.push_back(json::serialize(request));
    if (!m_writing) {
        writeNext();
    }
}

void JoinSession::writeNext() {
    if (m_out.empty() || m_status) {
        m_writing = false;
        return;
    }
    m_writing = true;
    m_ws.text(true);
    m_ws.async_write(asio::buffer(m_out.front()),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         self->m_out.pop_front();
                         if (ec) {
                             // The read side sees the broken connection and reports it.
                             self->m_writing = false;
                             return;
                         }
                         self->writeNext();
                     });
}

void JoinSession::expectWithin(std::chrono::milliseconds limit, int status, std::string why) {
    m_deadline.expires_after(limit);
    m_deadline.async_wait(
        [self = shared_from_this(), status, why = std::move(why)](boost::system::error_code ec) {
            if (!ec) {
                self->finish(status, why);
            }
        });
}

void JoinSession::leave() {
    m_leaving = true;
    send({{"type", "logout"}});
    // The server answers and closes; if it does not, leave anyway.
    expectWithin(kReplyTimeout, kJoinOk, {});
}

void JoinSession::finish(int status, const std::string& why) {
    if (m_status) {
        return;
    }
    m_status = status;
    if (!why.empty()) {
        std::cerr << "regie-room: " << why << '\n';
    }
    m_heartbeat.cancel();
    m_deadline.cancel();
    beast::get_lowest_layer(m_ws).close();
}

}  // namespace regie::room_cli
