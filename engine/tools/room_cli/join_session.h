#pragma once
// One `regie-room join` session: a WebSocket client of /room/ws that logs in, prints every
// message it receives as one JSON line on stdout, beats at the interval the login result gives,
// and sends the commands read from stdin (commands.h). Single-threaded: everything runs on the
// io_context given to it.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "cli_options.h"
#include "ws_url.h"

namespace regie::room_cli {

// Process exit statuses of `regie-room join`.
enum JoinStatus : int {
    kJoinOk = 0,       // logged out (quit, end of stdin)
    kJoinFailed = 1,   // cannot connect, no answer, or the connection dropped
    kJoinUsage = 2,    // bad command line
    kJoinRefused = 3,  // the login was refused
    kJoinEnded = 4,    // the server ended the session (kicked, room closed, timeout)
};

class JoinSession : public std::enable_shared_from_this<JoinSession> {
public:
    JoinSession(std::shared_ptr<boost::asio::io_context> io, WsUrl url, JoinOptions options,
                std::string token);

    void start();
    // The exit status once the io_context has run out of work.
    int status() const { return m_status.value_or(kJoinFailed); }

private:
    boost::asio::awaitable<void> connectAndRead();
    boost::asio::awaitable<void> beat(std::chrono::milliseconds interval);
    void onMessage(const std::string& text);
    void onLoggedIn(const boost::json::object& result);
    void onLine(std::optional<std::string> line);
    void send(boost::json::object request);
    void writeNext();
    void expectWithin(std::chrono::milliseconds limit, int status, std::string why);
    void leave();
    void finish(int status, const std::string& why);

    std::shared_ptr<boost::asio::io_context> m_io;
    WsUrl m_url;
    JoinOptions m_options;
    std::string m_token;
    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws;
    boost::asio::steady_timer m_heartbeat;
    boost::asio::steady_timer m_deadline;  // for the login result, then for the logout
    std::deque<std::string> m_out;
    bool m_writing = false;
    bool m_leaving = false;
    std::int64_t m_nextId = 1;
    std::optional<int> m_status;
};

}  // namespace regie::room_cli
