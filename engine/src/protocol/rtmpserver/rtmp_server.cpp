#include "protocol/rtmpserver/rtmp_server.h"

#include <boost/asio/post.hpp>

#include "protocol/rtmpserver/rtmp_session.h"

namespace regie::rtmpserver {

RtmpServer::RtmpServer(RtmpServerDeps deps) : m_deps(std::move(deps)) {}

RtmpServer::~RtmpServer() {
    stop();
}

core::Result<std::uint16_t> RtmpServer::listen(const std::string& ip, std::uint16_t port) {
    auto listener = protocol::TcpListener::open(
        m_deps.io, ip, port,
        [this](boost::asio::ip::tcp::socket socket) {
            auto session = std::make_shared<RtmpSession>(std::move(socket), m_deps, *this);
            {
                std::lock_guard lock(m_mutex);
                if (m_stopped) {
                    return;
                }
                m_sessions.insert(session);
            }
            session->start();
        },
        m_deps.log);
    if (!listener) {
        return listener.error();
    }
    m_listener = listener.value();
    return m_listener->port();
}

void RtmpServer::forget(const std::shared_ptr<RtmpSession>& session) {
    std::lock_guard lock(m_mutex);
    m_sessions.erase(session);
}

void RtmpServer::stop() {
    std::set<std::shared_ptr<RtmpSession>> sessions;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped) {
            return;
        }
        m_stopped = true;
        sessions = m_sessions;
    }
    if (m_listener) {
        m_listener->close();
    }
    for (const auto& s : sessions) {
        boost::asio::post(s->executor(), [s] { s->closeNow(); });
    }
}

}  // namespace regie::rtmpserver
