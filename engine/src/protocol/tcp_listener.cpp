#include "protocol/tcp_listener.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

namespace regie::protocol {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

TcpListener::TcpListener(core::LoopPool& io, OnAccept onAccept, core::Logger& log)
    : m_io(io), m_acceptor(io.at(0)), m_onAccept(std::move(onAccept)), m_log(log) {}

core::Result<std::shared_ptr<TcpListener>> TcpListener::open(core::LoopPool& io,
                                                             const std::string& ip,
                                                             std::uint16_t port, OnAccept onAccept,
                                                             core::Logger& log) {
    boost::system::error_code ec;
    auto address = asio::ip::make_address(ip, ec);
    if (ec) {
        return core::Error{"invalid listen address '" + ip + "'"};
    }
    std::shared_ptr<TcpListener> listener(new TcpListener(io, std::move(onAccept), log));
    tcp::endpoint endpoint(address, port);
    auto& acc = listener->m_acceptor;
    acc.open(endpoint.protocol(), ec);
    if (!ec) {
        acc.set_option(asio::socket_base::reuse_address(true), ec);
        acc.bind(endpoint, ec);
    }
    if (!ec) {
        acc.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return core::Error{"cannot listen on " + ip + ":" + std::to_string(port) + ": " +
                           ec.message()};
    }
    listener->m_port = acc.local_endpoint().port();
    asio::post(acc.get_executor(), [listener] { listener->acceptNext(); });
    return listener;
}

void TcpListener::acceptNext() {
    m_acceptor.async_accept(
        m_io.next(), [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !self->m_acceptor.is_open()) {
                return;
            }
            if (ec) {
                // Out of descriptors or similar: back off instead of spinning.
                self->m_log.warn("tcp.accept_failed",
                                 {{"port", self->m_port}, {"error", ec.message()}});
                auto timer = std::make_shared<asio::steady_timer>(self->m_acceptor.get_executor(),
                                                                  std::chrono::milliseconds(50));
                timer->async_wait([self, timer](auto) { self->acceptNext(); });
                return;
            }
            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            self->m_onAccept(std::move(socket));
            self->acceptNext();
        });
}

void TcpListener::close() {
    asio::post(m_acceptor.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ec;
        self->m_acceptor.close(ec);
    });
}

}  // namespace regie::protocol
