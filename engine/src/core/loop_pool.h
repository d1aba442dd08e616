#pragma once
// A pool of event loops, one asio::io_context per thread. Used twice: the io pool (sockets;
// nothing blocking) and the worker pool (disk, SQLite, codecs). Each loop measures its own
// load (thread CPU time over wall time, per window) and answers delay probes.

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/log.h"

namespace regie::core {

struct LoopLoad {
    int load;     // 0-100: share of the last window the thread spent running
    int delayMs;  // time from posting a probe to running it
};

class LoopPool {
public:
    LoopPool(std::string name, std::size_t threads, Logger& log,
             std::chrono::milliseconds window = std::chrono::seconds(1));
    ~LoopPool();
    LoopPool(const LoopPool&) = delete;
    LoopPool& operator=(const LoopPool&) = delete;

    std::size_t size() const { return m_loops.size(); }
    boost::asio::io_context& at(std::size_t i) { return m_loops[i]->ctx; }
    boost::asio::io_context& next();

    // Posts a probe to every loop and calls `done` (on the loop that finishes last) with one
    // entry per loop, in pool order.
    void sampleLoad(std::function<void(std::vector<LoopLoad>)> done);

    // Lets queued work finish for up to `grace`, then stops the loops that still have some
    // (a connection nobody closed must not keep the process alive), and joins every thread.
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(3));

private:
    struct Loop {
        boost::asio::io_context ctx{1};
        boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard{
            ctx.get_executor()};
        boost::asio::steady_timer tick{ctx};
        std::thread thread;
        std::atomic<int> load{0};
        std::int64_t lastCpuNs = 0;
        std::chrono::steady_clock::time_point lastWall;
        bool finished = false;  // run() returned; guarded by m_finishMutex
    };

    void run(Loop& loop, std::size_t index);
    void scheduleTick(Loop& loop);

    std::string m_name;
    Logger& m_log;
    std::chrono::milliseconds m_window;
    std::vector<std::unique_ptr<Loop>> m_loops;
    std::atomic<std::size_t> m_next{0};
    bool m_stopped = false;
    std::mutex m_finishMutex;
    std::condition_variable m_finished;
};

}  // namespace regie::core
