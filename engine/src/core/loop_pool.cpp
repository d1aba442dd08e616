#include "core/loop_pool.h"

#include <pthread.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <ctime>
#include <mutex>

namespace regie::core {

namespace {
std::int64_t threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
}  // namespace

LoopPool::LoopPool(std::string name, std::size_t threads, Logger& log,
                   std::chrono::milliseconds window)
    : m_name(std::move(name)), m_log(log), m_window(window) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) {
        m_loops.push_back(std::make_unique<Loop>());
    }
    for (std::size_t i = 0; i < m_loops.size(); ++i) {
        Loop& loop = *m_loops[i];
        loop.thread = std::thread([this, &loop, i] { run(loop, i); });
    }
}

LoopPool::~LoopPool() {
    stop();
}

boost::asio::io_context& LoopPool::next() {
    return m_loops[m_next.fetch_add(1, std::memory_order_relaxed) % m_loops.size()]->ctx;
}

void LoopPool::run(Loop& loop, std::size_t index) {
    std::string threadName = m_name + "-" + std::to_string(index);
    pthread_setname_np(pthread_self(), threadName.substr(0, 15).c_str());
    loop.lastCpuNs = threadCpuNs();
    loop.lastWall = std::chrono::steady_clock::now();
    scheduleTick(loop);
    for (;;) {
        try {
            loop.ctx.run();
            break;
        } catch (const std::exception& e) {
            m_log.error("loop.handler_exception", {{"thread", threadName}, {"what", e.what()}});
        }
    }
    {
        std::lock_guard lock(m_finishMutex);
        loop.finished = true;
    }
    m_finished.notify_all();
}

void LoopPool::scheduleTick(Loop& loop) {
    loop.tick.expires_after(m_window);
    loop.tick.async_wait([this, &loop](const boost::system::error_code& ec) {
        if (ec) {
            return;
        }
        auto now = std::chrono::steady_clock::now();
        std::int64_t cpu = threadCpuNs();
        auto wallNs =
            std::chrono::duration_cast<std::chrono::nanoseconds>(now - loop.lastWall).count();
        if (wallNs > 0) {
            auto pct = (cpu - loop.lastCpuNs) * 100 / wallNs;
            loop.load = static_cast<int>(std::clamp<std::int64_t>(pct, 0, 100));
        }
        loop.lastCpuNs = cpu;
        loop.lastWall = now;
        scheduleTick(loop);
    });
}

void LoopPool::sampleLoad(std::function<void(std::vector<LoopLoad>)> done) {
    struct Probe {
        std::mutex mutex;
        std::vector<LoopLoad> results;
        std::size_t remaining = 0;
        std::function<void(std::vector<LoopLoad>)> done;
    };
    auto probe = std::make_shared<Probe>();
    probe->results.resize(m_loops.size());
    probe->remaining = m_loops.size();
    probe->done = std::move(done);
    for (std::size_t i = 0; i < m_loops.size(); ++i) {
        Loop& loop = *m_loops[i];
        auto posted = std::chrono::steady_clock::now();
        boost::asio::post(loop.ctx, [probe, &loop, i, posted] {
            auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - posted)
                             .count();
            bool last = false;
            {
                std::lock_guard lock(probe->mutex);
                probe->results[i] = LoopLoad{loop.load.load(), static_cast<int>(delay)};
                last = --probe->remaining == 0;
            }
            if (last) {
                probe->done(std::move(probe->results));
            }
        });
    }
}

void LoopPool::stop(std::chrono::milliseconds grace) {
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    for (auto& loop : m_loops) {
        boost::asio::post(loop->ctx, [&l = *loop] { l.tick.cancel(); });
        loop->guard.reset();
    }
    {
        std::unique_lock lock(m_finishMutex);
        m_finished.wait_for(lock, grace, [this] {
            return std::all_of(m_loops.begin(), m_loops.end(),
                               [](const auto& l) { return l->finished; });
        });
        for (std::size_t i = 0; i < m_loops.size(); ++i) {
            if (!m_loops[i]->finished) {
                m_log.warn("loop.forced_stop", {{"thread", m_name + "-" + std::to_string(i)}});
                m_loops[i]->ctx.stop();
            }
        }
    }
    for (auto& loop : m_loops) {
        if (loop->thread.joinable()) {
            loop->thread.join();
        }
    }
}

}  // namespace regie::core
