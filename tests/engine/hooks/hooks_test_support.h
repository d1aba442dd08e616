#pragma once
// Shared pieces of the hook tests: an asio loop on its own thread and a thread-safe slot for
// results handed over by callbacks.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <mutex>
#include <optional>
#include <thread>

namespace regie::test {

// Joins once all work is done, so a service that does not stop cleanly hangs the test.
class IoThread {
public:
    IoThread() : m_thread([this] { io.run(); }) {}
    ~IoThread() {
        m_guard.reset();
        m_thread.join();
    }
    std::thread::id id() const { return m_thread.get_id(); }

    boost::asio::io_context io{1};

private:
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> m_guard{
        io.get_executor()};
    std::thread m_thread;
};

template <typename T>
class Slot {
public:
    void set(T v) {
        std::lock_guard lock(m_mutex);
        m_value = std::move(v);
    }
    bool has() const {
        std::lock_guard lock(m_mutex);
        return m_value.has_value();
    }
    T get() const {
        std::lock_guard lock(m_mutex);
        return *m_value;
    }

private:
    mutable std::mutex m_mutex;
    std::optional<T> m_value;
};

}  // namespace regie::test
