#pragma once
// The benchmark's clients on a few io threads: launched with at most `inFlight` logins under
// way at once, spread round-robin over the threads, stopped together.

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "load_state.h"
#include "room_client.h"

namespace regie::room_loadgen {

class ClientPool {
public:
    ClientPool(int threads, std::vector<ClientSpec> specs, LoadState& state);
    ~ClientPool();
    ClientPool(const ClientPool&) = delete;
    ClientPool& operator=(const ClientPool&) = delete;

    void launch(int inFlight);
    // Closes every client and joins the threads.
    void stop();

private:
    void launchNext();

    using Guard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
    std::vector<ClientSpec> m_specs;
    LoadState& m_state;
    std::vector<std::unique_ptr<boost::asio::io_context>> m_ios;
    std::vector<Guard> m_guards;
    std::vector<std::thread> m_threads;
    std::vector<std::shared_ptr<RoomClient>> m_clients;  // slot i written on thread i % threads
    std::atomic<std::size_t> m_next{0};
    std::atomic<bool> m_stopping{false};
};

}  // namespace regie::room_loadgen
