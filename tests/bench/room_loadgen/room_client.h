#pragma once
// One benchmark room user: a WebSocket to /room/ws that logs in, beats at the interval of its
// login result, reads everything, and stamps the arrival of the benchmark's broadcasts.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <functional>
#include <memory>
#include <string>

#include "load_state.h"

namespace regie::room_loadgen {

struct ClientSpec {
    boost::asio::ip::tcp::endpoint server;
    std::string hostHeader;
    std::string roomId;
    std::string userId;
    std::string token;
    int bigRoomIndex = -1;  // the index among the big room's users, -1 elsewhere
};

// The broadcasts of the benchmark carry this content prefix and their number.
inline constexpr std::string_view kBroadcastPrefix = "bench-";

class RoomClient : public std::enable_shared_from_this<RoomClient> {
public:
    // `loginDone` runs once, on the client's thread, when the login succeeded or failed.
    RoomClient(boost::asio::io_context& io, ClientSpec spec, LoadState& state,
               std::function<void()> loginDone);

    void start();
    void stop();  // on the client's thread

private:
    boost::asio::awaitable<void> run();
    boost::asio::awaitable<void> beat(std::chrono::milliseconds interval);
    enum class Login { pending, ok, refused };
    Login onLoginReply(const std::string& text);
    void onMessage(const std::string& text);
    void loginFinished();

    ClientSpec m_spec;
    LoadState& m_state;
    std::function<void()> m_loginDone;
    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws;
    boost::asio::steady_timer m_heartbeat;
    std::int64_t m_startNs = 0;
    bool m_stopping = false;
};

}  // namespace regie::room_loadgen
