#pragma once
// A durable outbox for outgoing callbacks: each request is written to SQLite (on a worker
// thread) before the first attempt, retried on the configured schedule after failures and
// removed once delivered (2xx) or after the last retry. Pending rows survive a restart: start()
// resumes them with their remaining schedule.
//
// Rows go out one at a time, the oldest due first; the callback specs promise no ordering.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/log.h"
#include "core/result.h"
#include "core/store.h"

namespace regie::service::hooks {

struct OutboxSettings {
    // Wait before retry i after a failed attempt (zego/callbacks.md §1.2); a failure after the
    // last retry drops the row.
    std::vector<std::chrono::milliseconds> retryDelays{
        std::chrono::seconds(2), std::chrono::seconds(4), std::chrono::seconds(8),
        std::chrono::seconds(16), std::chrono::seconds(32)};
    std::chrono::milliseconds attemptTimeout{5'000};
    // Longest sleep while rows are pending: due times are wall-clock (they survive restarts),
    // so a clock jump is noticed within this.
    std::chrono::milliseconds recheckInterval{1'000};
};

struct OutboxDeps {
    boost::asio::io_context& io;      // delivery
    boost::asio::io_context& worker;  // SQLite
    core::Store& store;
    const core::Clock& clock;
    core::Logger& log;
};

class CallbackOutbox {
public:
    explicit CallbackOutbox(OutboxDeps deps, OutboxSettings settings = {});
    ~CallbackOutbox();
    CallbackOutbox(const CallbackOutbox&) = delete;
    CallbackOutbox& operator=(const CallbackOutbox&) = delete;

    // Starts delivering, pending rows from earlier runs included.
    void start();
    // Stops delivering; an attempt cut short by stop() does not count. Call before stopping
    // the io loop. Rows stay in the store.
    void stop();

    // Writes the row on the worker, then wakes the delivery. `persisted` (optional) runs on
    // the worker with the outcome of the write.
    void enqueue(std::string event, std::string url, std::string contentType, std::string body,
                 std::function<void(core::Status)> persisted = nullptr);

    struct Impl;

private:
    std::shared_ptr<Impl> m_impl;
};

}  // namespace regie::service::hooks
