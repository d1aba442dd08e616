#include "client_pool.h"

#include <boost/asio/post.hpp>

namespace regie::room_loadgen {

namespace asio = boost::asio;

ClientPool::ClientPool(int threads, std::vector<ClientSpec> specs, LoadState& state)
    : m_specs(std::move(specs)), m_state(state), m_clients(m_specs.size()) {
    for (int i = 0; i < threads; ++i) {
        m_ios.push_back(std::make_unique<asio::io_context>(1));
        m_guards.push_back(asio::make_work_guard(*m_ios.back()));
    }
    for (auto& io : m_ios) {
        m_threads.emplace_back([&io = *io] { io.run(); });
    }
}

ClientPool::~ClientPool() {
    stop();
}

void ClientPool::launch(int inFlight) {
    for (int i = 0; i < inFlight; ++i) {
        launchNext();
    }
}

void ClientPool::launchNext() {
    const std::size_t i = m_next.fetch_add(1);
    if (i >= m_specs.size()) {
        return;
    }
    auto& io = *m_ios[i % m_ios.size()];
    asio::post(io, [this, i, &io] {
        if (m_stopping) {
            return;
        }
        m_clients[i] =
            std::make_shared<RoomClient>(io, m_specs[i], m_state, [this] { launchNext(); });
        m_clients[i]->start();
    });
}

void ClientPool::stop() {
    if (m_stopping.exchange(true)) {
        return;
    }
    // Each client is stopped on the thread that created it, after its creation was run.
    for (std::size_t t = 0; t < m_ios.size(); ++t) {
        asio::post(*m_ios[t], [this, t] {
            for (std::size_t i = t; i < m_clients.size(); i += m_ios.size()) {
                if (m_clients[i]) {
                    m_clients[i]->stop();
                }
            }
        });
    }
    m_guards.clear();
    for (auto& thread : m_threads) {
        thread.join();
    }
    m_clients.clear();
}

}  // namespace regie::room_loadgen
