#include "media/source_registry.h"

#include <boost/asio/post.hpp>

namespace regie::media {

std::string_view sourceEndReasonName(SourceEndReason reason) {
    switch (reason) {
        case SourceEndReason::publisherLeft:
            return "publisher_left";
        case SourceEndReason::closedByApi:
            return "closed_by_api";
        case SourceEndReason::closedNoReader:
            return "no_reader";
        case SourceEndReason::shutdown:
            return "shutdown";
    }
    return "unknown";
}

SourceRegistry::SourceRegistry(boost::asio::io_context& timerContext)
    : m_context(timerContext), m_watchTimer(timerContext) {
    scheduleWatch();
}

SourceRegistry::~SourceRegistry() {
    std::lock_guard lock(m_mutex);
    m_stopped = true;
}

void SourceRegistry::setListener(RegistryListener listener) {
    std::lock_guard lock(m_mutex);
    m_listener = std::move(listener);
}

void SourceRegistry::setTimings(RegistryTimings timings) {
    std::lock_guard lock(m_mutex);
    m_timings = timings;
}

std::pair<SourceRegistry::PublishResult, std::shared_ptr<MediaSource>> SourceRegistry::beginPublish(
    const MediaKey& key, PublisherInfo publisher, std::function<void()> closer,
    std::int64_t nowUnix, const std::function<void(MediaSource&)>& prepare) {
    std::shared_ptr<MediaSource> source;
    std::vector<std::shared_ptr<Waiter>> ready;
    RegistryListener listener;
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_sources.find(key); it != m_sources.end()) {
            if (it->second.source->hasPublisher()) {
                return {PublishResult::busy, nullptr};
            }
            it->second.source->setPublisher(std::move(publisher), std::move(closer));
            it->second.generation = ++m_generation;
            return {PublishResult::resumed, it->second.source};
        }
        source = std::make_shared<MediaSource>(key, std::move(publisher), nowUnix);
        source->setPublisher(source->publisher(), std::move(closer));
        prepare(*source);
        m_sources[key] = Entry{source, ++m_generation, std::chrono::steady_clock::now(), false};
        for (auto it = m_waiters.begin(); it != m_waiters.end();) {
            if ((*it)->key == key) {
                ready.push_back(*it);
                it = m_waiters.erase(it);
            } else {
                ++it;
            }
        }
        listener = m_listener;
    }
    for (auto& w : ready) {
        w->timer->cancel();
        boost::asio::post(w->executor, [w, source] { w->done(source); });
    }
    if (listener.added) {
        listener.added(source);
    }
    return {PublishResult::created, source};
}

void SourceRegistry::endPublish(const std::shared_ptr<MediaSource>& source) {
    std::chrono::milliseconds window;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sources.find(source->key());
        if (it == m_sources.end() || it->second.source != source) {
            return;
        }
        window = source->publisher().continuePush.value_or(m_timings.continuePush);
        source->publisherGone();
        generation = it->second.generation;
    }
    if (window.count() <= 0) {
        remove(source->key(), source, SourceEndReason::publisherLeft);
        return;
    }
    auto timer = std::make_shared<boost::asio::steady_timer>(m_context, window);
    timer->async_wait([this, timer, source, generation](const boost::system::error_code& ec) {
        if (ec) {
            return;
        }
        bool expired = false;
        {
            std::lock_guard lock(m_mutex);
            auto it = m_sources.find(source->key());
            expired = it != m_sources.end() && it->second.source == source &&
                      it->second.generation == generation && !source->hasPublisher();
        }
        if (expired) {
            remove(source->key(), source, SourceEndReason::publisherLeft);
        }
    });
}

std::shared_ptr<MediaSource> SourceRegistry::find(const MediaKey& key) const {
    std::lock_guard lock(m_mutex);
    auto it = m_sources.find(key);
    return it == m_sources.end() ? nullptr : it->second.source;
}

void SourceRegistry::findOrWait(const MediaKey& key, std::chrono::milliseconds wait,
                                const boost::asio::any_io_executor& executor,
                                std::function<void(std::shared_ptr<MediaSource>)> done) {
    std::shared_ptr<Waiter> waiter;
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_sources.find(key); it != m_sources.end()) {
            boost::asio::post(executor,
                              [done = std::move(done), s = it->second.source] { done(s); });
            return;
        }
        if (wait.count() <= 0) {
            boost::asio::post(executor, [done = std::move(done)] { done(nullptr); });
            return;
        }
        waiter = std::make_shared<Waiter>(
            Waiter{key, executor, std::move(done),
                   std::make_shared<boost::asio::steady_timer>(executor, wait)});
        m_waiters.push_back(waiter);
    }
    waiter->timer->async_wait([this, waiter](const boost::system::error_code& ec) {
        if (ec) {
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            auto it = std::find(m_waiters.begin(), m_waiters.end(), waiter);
            if (it == m_waiters.end()) {
                return;
            }
            m_waiters.erase(it);
        }
        waiter->done(nullptr);
    });
}

std::vector<std::shared_ptr<MediaSource>> SourceRegistry::list() const {
    std::lock_guard lock(m_mutex);
    std::vector<std::shared_ptr<MediaSource>> out;
    for (const auto& [key, e] : m_sources) {
        out.push_back(e.source);
    }
    return out;
}

bool SourceRegistry::close(const MediaKey& key, SourceEndReason reason) {
    auto source = find(key);
    if (!source) {
        return false;
    }
    remove(key, source, reason);
    return true;
}

void SourceRegistry::closeAll(SourceEndReason reason) {
    for (auto& s : list()) {
        remove(s->key(), s, reason);
    }
    std::vector<std::shared_ptr<Waiter>> waiters;
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        waiters.swap(m_waiters);
    }
    for (auto& w : waiters) {
        boost::asio::post(w->executor, [w] {
            w->timer->cancel();
            w->done(nullptr);
        });
    }
    boost::asio::post(m_context, [this] { m_watchTimer.cancel(); });
}

void SourceRegistry::remove(const MediaKey& key, const std::shared_ptr<MediaSource>& source,
                            SourceEndReason reason) {
    RegistryListener listener;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sources.find(key);
        if (it == m_sources.end() || it->second.source != source) {
            return;
        }
        m_sources.erase(it);
        listener = m_listener;
    }
    source->close();
    if (listener.removed) {
        listener.removed(source, reason);
    }
}

void SourceRegistry::scheduleWatch() {
    m_watchTimer.expires_after(std::chrono::milliseconds(500));
    m_watchTimer.async_wait([this](const boost::system::error_code& ec) {
        if (ec) {
            return;
        }
        watch();
        scheduleWatch();
    });
}

void SourceRegistry::watch() {
    auto now = std::chrono::steady_clock::now();
    std::vector<std::shared_ptr<MediaSource>> idle;
    RegistryListener listener;
    RegistryTimings timings;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped) {
            return;
        }
        timings = m_timings;
        listener = m_listener;
        for (auto& [key, e] : m_sources) {
            if (e.source->readerCount() > 0) {
                e.idleSince = now;
                e.noReaderFired = false;
                continue;
            }
            if (!e.noReaderFired && now - e.idleSince >= timings.noReaderDelay) {
                e.noReaderFired = true;
                idle.push_back(e.source);
            }
        }
    }
    for (auto& source : idle) {
        if (source->publisher().autoClose.value_or(timings.autoClose)) {
            remove(source->key(), source, SourceEndReason::closedNoReader);
            continue;
        }
        if (!listener.noReader) {
            continue;
        }
        listener.noReader(source, [this, source](bool close) {
            if (close && source->readerCount() == 0) {
                remove(source->key(), source, SourceEndReason::closedNoReader);
            }
        });
    }
}

}  // namespace regie::media
