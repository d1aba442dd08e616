#include "room_client.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/json.hpp>
#include <charconv>

namespace regie::room_loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace json = boost::json;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr auto kConnectTimeout = 10s;
constexpr std::string_view kContentKey = R"("content":")";

}  // namespace

RoomClient::RoomClient(asio::io_context& io, ClientSpec spec, LoadState& state,
                       std::function<void()> loginDone)
    : m_spec(std::move(spec))
    , m_state(state)
    , m_loginDone(std::move(loginDone))
    , m_ws(io)
    , m_heartbeat(io) {}

void RoomClient::start() {
    asio::co_spawn(m_ws.get_executor(), run(), asio::detached);
}

void RoomClient::stop() {
    m_stopping = true;
    m_heartbeat.cancel();
    beast::get_lowest_layer(m_ws).close();
}

asio::awaitable<void> RoomClient::run() {
    auto self = shared_from_this();
    m_startNs = nowNs();
    auto fail = [this](const std::string& reason) {
        if (!m_stopping) {
            m_state.failed(reason);
        }
        loginFinished();
    };
    auto& tcp = beast::get_lowest_layer(m_ws);
    tcp.expires_after(kConnectTimeout);
    auto [cec] = co_await tcp.async_connect(m_spec.server, kTuple);
    if (cec) {
        fail("connect: " + cec.message());
        co_return;
    }
    tcp.expires_never();
    m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    auto [hec] = co_await m_ws.async_handshake(m_spec.hostHeader, "/room/ws", kTuple);
    if (hec) {
        fail("handshake: " + hec.message());
        co_return;
    }
    m_ws.text(true);
    const std::string login = json::serialize(json::object{{"type", "login"},
                                                           {"id", 1},
                                                           {"roomId", m_spec.roomId},
                                                           {"userId", m_spec.userId},
                                                           {"token", m_spec.token}});
    auto [wec, written] = co_await m_ws.async_write(asio::buffer(login), kTuple);
    if (wec) {
        fail("write: " + wec.message());
        co_return;
    }
    beast::flat_buffer buffer;
    bool loggedIn = false;
    for (;;) {
        auto [ec, n] = co_await m_ws.async_read(buffer, kTuple);
        if (ec) {
            if (!loggedIn) {
                fail("read: " + ec.message());
            } else if (!m_stopping) {
                m_state.dropped();
            }
            co_return;
        }
        auto text = beast::buffers_to_string(buffer.data());
        buffer.consume(n);
        if (loggedIn) {
            onMessage(text);
            continue;
        }
        switch (onLoginReply(text)) {
            case Login::pending:
                break;
            case Login::ok:
                loggedIn = true;
                break;
            case Login::refused:
                stop();
                co_return;
        }
    }
}

asio::awaitable<void> RoomClient::beat(std::chrono::milliseconds interval) {
    auto self = shared_from_this();
    static const std::string kHeartbeat = R"({"type":"heartbeat"})";
    while (!m_stopping) {
        m_heartbeat.expires_after(interval);
        auto [ec] = co_await m_heartbeat.async_wait(kTuple);
        if (ec || m_stopping) {
            co_return;
        }
        auto [wec, n] = co_await m_ws.async_write(asio::buffer(kHeartbeat), kTuple);
        if (wec) {
            co_return;
        }
    }
}

RoomClient::Login RoomClient::onLoginReply(const std::string& text) {
    boost::system::error_code ec;
    auto value = json::parse(text, ec);
    const auto* result = !ec && value.is_object() ? &value.as_object() : nullptr;
    const auto* type = result != nullptr ? result->if_contains("type") : nullptr;
    if (type == nullptr || !type->is_string() || type->as_string() != "login_result") {
        // A user who joined while this login was under way may be announced first.
        m_state.message();
        return Login::pending;
    }
    const auto* code = result->if_contains("code");
    if (code == nullptr || !code->is_int64() || code->as_int64() != 0) {
        m_state.failed(code != nullptr && code->is_int64()
                           ? "login code " + std::to_string(code->as_int64())
                           : "login_result without a code");
        loginFinished();
        return Login::refused;
    }
    m_state.loggedIn(nowNs() - m_startNs);
    const auto* told = result->if_contains("heartbeatIntervalMs");
    const auto interval = std::chrono::milliseconds(
        told != nullptr && told->is_int64() && told->as_int64() > 0 ? told->as_int64() : 10'000);
    asio::co_spawn(m_ws.get_executor(), beat(interval), asio::detached);
    loginFinished();
    return Login::ok;
}

void RoomClient::onMessage(const std::string& text) {
    m_state.message();
    if (m_spec.bigRoomIndex < 0) {
        return;
    }
    auto at = text.find(kContentKey);
    if (at == std::string::npos ||
        text.compare(at + kContentKey.size(), kBroadcastPrefix.size(), kBroadcastPrefix) != 0) {
        return;
    }
    const char* digits = text.data() + at + kContentKey.size() + kBroadcastPrefix.size();
    int number = -1;
    std::from_chars(digits, text.data() + text.size(), number);
    m_state.received(number, m_spec.bigRoomIndex);
}

void RoomClient::loginFinished() {
    if (m_loginDone) {
        auto done = std::move(m_loginDone);
        m_loginDone = nullptr;
        done();
    }
}

}  // namespace regie::room_loadgen
