#include "service/hooks/callback_outbox.h"

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <optional>
#include <type_traits>

#include "service/hooks/http_post_client.h"

namespace regie::service::hooks {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(use_awaitable);

namespace {

constexpr int kBatch = 32;

// Runs `f` on the worker loop and resumes the caller on its own executor.
template <typename F>
awaitable<std::invoke_result_t<F>> onWorker(asio::io_context& worker, F f) {
    using R = std::invoke_result_t<F>;
    // co_spawn needs a default-constructible result.
    auto r = co_await asio::co_spawn(
        worker, [f = std::move(f)]() -> awaitable<std::optional<R>> { co_return f(); },
        use_awaitable);
    co_return std::move(*r);
}

}  // namespace

struct CallbackOutbox::Impl : std::enable_shared_from_this<Impl> {
    Impl(OutboxDeps d, OutboxSettings s)
        : deps(d)
        , settings(std::move(s))
        , strand(asio::make_strand(d.io))
        , client(d.io)
        , wake(strand) {}

    OutboxDeps deps;
    OutboxSettings settings;
    asio::strand<asio::io_context::executor_type> strand;
    HttpPostClient client;

    // Strand only.
    asio::steady_timer wake;
    bool started = false;
    bool stopped = false;
    bool dirty = false;  // a row was enqueued since the loop last looked

    awaitable<void> run() {
        while (!stopped) {
            dirty = false;
            std::int64_t now = deps.clock.unixMillis();
            auto due = co_await onWorker(deps.worker, [&store = deps.store, now] {
                return store.dueCallbacks(now, kBatch);
            });
            if (!due) {
                deps.log.error("outbox.load_failed", {{"error", due.error().message}});
                co_await sleep(settings.recheckInterval);
                continue;
            }
            for (const auto& row : due.value()) {
                if (stopped) {
                    co_return;
                }
                co_await deliver(row);
            }
            if (!due.value().empty() || dirty) {
                continue;
            }
            auto next = co_await onWorker(
                deps.worker, [&store = deps.store] { return store.nextCallbackDueMs(); });
            if (dirty || stopped) {
                continue;
            }
            if (!next) {
                deps.log.error("outbox.load_failed", {{"error", next.error().message}});
                co_await sleep(settings.recheckInterval);
            } else if (!next.value()) {
                co_await sleep(std::nullopt);
            } else {
                auto untilDue = std::chrono::milliseconds(*next.value() - deps.clock.unixMillis());
                co_await sleep(
                    std::clamp(untilDue, std::chrono::milliseconds(0), settings.recheckInterval));
            }
        }
    }

    // Ends early on enqueue or stop; nullopt: until then.
    awaitable<void> sleep(std::optional<std::chrono::milliseconds> d) {
        if (d) {
            wake.expires_after(*d);
        } else {
            wake.expires_at(asio::steady_timer::time_point::max());
        }
        co_await wake.async_wait(kTuple);
    }

    awaitable<void> deliver(const core::OutboxEntry& row) {
        HttpPostRequest req;
        req.url = row.url;
        req.contentType = row.contentType;
        req.body = row.body;
        req.timeout = settings.attemptTimeout;
        req.maxResponseBytes = std::size_t{64} * 1024;
        auto res = co_await client.post(req);
        if (stopped) {
            co_return;
        }
        bool delivered = res && res.value().status >= 200 && res.value().status < 300;
        std::string error =
            !res ? res.error().message : "HTTP status " + std::to_string(res.value().status);
        int attempts = row.attempts + 1;
        core::Status saved = core::okStatus();
        if (delivered || attempts > static_cast<int>(settings.retryDelays.size())) {
            if (delivered) {
                deps.log.debug("outbox.delivered",
                               {{"event", row.event}, {"id", row.id}, {"attempts", attempts}});
            } else {
                deps.log.error("outbox.dropped", {{"event", row.event},
                                                  {"id", row.id},
                                                  {"url", row.url},
                                                  {"attempts", attempts},
                                                  {"error", error}});
            }
            saved = co_await onWorker(deps.worker, [&store = deps.store, id = row.id] {
                return store.deleteCallback(id);
            });
        } else {
            auto delay = settings.retryDelays[static_cast<std::size_t>(attempts - 1)];
            std::int64_t nextMs = deps.clock.unixMillis() + delay.count();
            deps.log.warn("outbox.attempt_failed", {{"event", row.event},
                                                    {"id", row.id},
                                                    {"url", row.url},
                                                    {"attempts", attempts},
                                                    {"retry_in_ms", delay.count()},
                                                    {"error", error}});
            saved = co_await onWorker(deps.worker,
                                      [&store = deps.store, id = row.id, attempts, nextMs] {
                                          return store.rescheduleCallback(id, attempts, nextMs);
                                      });
        }
        if (!saved) {
            deps.log.error("outbox.save_failed",
                           {{"id", row.id}, {"error", saved.error().message}});
            co_await sleep(settings.recheckInterval);
        }
    }
};

CallbackOutbox::CallbackOutbox(OutboxDeps deps, OutboxSettings settings)
    : m_impl(std::make_shared<Impl>(deps, std::move(settings))) {}

CallbackOutbox::~CallbackOutbox() {
    stop();
}

void CallbackOutbox::start() {
    asio::post(m_impl->strand, [impl = m_impl] {
        if (impl->started || impl->stopped) {
            return;
        }
        impl->started = true;
        asio::co_spawn(impl->strand, impl->run(), [impl](const std::exception_ptr& e) {
            if (e) {
                impl->deps.log.error("outbox.stopped_by_exception");
            }
        });
    });
}

void CallbackOutbox::stop() {
    asio::post(m_impl->strand, [impl = m_impl] {
        impl->stopped = true;
        impl->wake.cancel();
        impl->client.shutdown();
    });
}

void CallbackOutbox::enqueue(std::string event, std::string url, std::string contentType,
                             std::string body, std::function<void(core::Status)> persisted) {
    core::OutboxEntry entry;
    entry.event = std::move(event);
    entry.url = std::move(url);
    entry.contentType = std::move(contentType);
    entry.body = std::move(body);
    entry.createdAtMs = m_impl->deps.clock.unixMillis();
    entry.nextAttemptMs = entry.createdAtMs;
    asio::post(m_impl->deps.worker, [impl = m_impl, entry = std::move(entry),
                                     persisted = std::move(persisted)] {
        auto id = impl->deps.store.enqueueCallback(entry);
        if (!id) {
            impl->deps.log.error("outbox.enqueue_failed",
                                 {{"event", entry.event}, {"error", id.error().message}});
        }
        if (persisted) {
            persisted(id ? core::okStatus() : core::Status(id.error()));
        }
        if (id) {
            asio::post(impl->strand, [impl] {
                impl->dirty = true;
                impl->wake.cancel();
            });
        }
    });
}

}  // namespace regie::service::hooks
