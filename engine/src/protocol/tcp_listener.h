#pragma once
// Accepts TCP connections and hands each socket, already bound to its own io loop (round robin
// over the pool), to the protocol server that owns the listener.

#include <boost/asio/ip/tcp.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/log.h"
#include "core/loop_pool.h"
#include "core/object_stats.h"
#include "core/result.h"

namespace regie::protocol {

class TcpListener : public std::enable_shared_from_this<TcpListener> {
public:
    using OnAccept = std::function<void(boost::asio::ip::tcp::socket)>;

    static core::Result<std::shared_ptr<TcpListener>> open(core::LoopPool& io,
                                                           const std::string& ip,
                                                           std::uint16_t port, OnAccept onAccept,
                                                           core::Logger& log);

    std::uint16_t port() const { return m_port; }
    // Stops accepting; connections already accepted are not touched.
    void close();

private:
    TcpListener(core::LoopPool& io, OnAccept onAccept, core::Logger& log);
    void acceptNext();

    core::LoopPool& m_io;
    boost::asio::ip::tcp::acceptor m_acceptor;
    OnAccept m_onAccept;
    core::Logger& m_log;
    std::uint16_t m_port = 0;
    core::ObjectCount<core::ObjectKind::TcpServer> m_counted;
};

}  // namespace regie::protocol
