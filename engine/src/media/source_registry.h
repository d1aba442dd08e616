#pragma once
// Every live MediaSource by key. Publishing registers a source (or resumes one whose publisher
// dropped within the reconnect window); players look sources up, optionally waiting for one to
// appear; a watch fires when a source has had no readers for a while.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "media/media_source.h"

namespace regie::media {

enum class SourceEndReason { publisherLeft, closedByApi, closedNoReader, shutdown };
std::string_view sourceEndReasonName(SourceEndReason reason);

struct RegistryListener {
    std::function<void(const std::shared_ptr<MediaSource>&)> added;
    std::function<void(const std::shared_ptr<MediaSource>&, SourceEndReason)> removed;
    // No reader for the configured delay; answer true to close the source.
    std::function<void(const std::shared_ptr<MediaSource>&, std::function<void(bool close)>)>
        noReader;
};

struct RegistryTimings {
    std::chrono::milliseconds continuePush{15000};
    std::chrono::milliseconds noReaderDelay{20000};
    bool autoClose = false;
};

class SourceRegistry {
public:
    explicit SourceRegistry(boost::asio::io_context& timerContext);
    ~SourceRegistry();

    void setListener(RegistryListener listener);
    void setTimings(RegistryTimings timings);

    enum class PublishResult { created, resumed, busy };
    // Registers a source for `key`, or hands back the one waiting for its publisher to return.
    // `prepare` adds the output formats of a new source before anyone can see it.
    std::pair<PublishResult, std::shared_ptr<MediaSource>> beginPublish(
        const MediaKey& key, PublisherInfo publisher, std::function<void()> closer,
        std::int64_t nowUnix, const std::function<void(MediaSource&)>& prepare);

    // The publisher left: the source stays (players keep waiting) for the reconnect window.
    void endPublish(const std::shared_ptr<MediaSource>& source);

    std::shared_ptr<MediaSource> find(const MediaKey& key) const;
    // Calls `done` (on `executor`) with the source as soon as it exists, or null after `wait`.
    void findOrWait(const MediaKey& key, std::chrono::milliseconds wait,
                    const boost::asio::any_io_executor& executor,
                    std::function<void(std::shared_ptr<MediaSource>)> done);

    std::vector<std::shared_ptr<MediaSource>> list() const;
    bool close(const MediaKey& key, SourceEndReason reason);
    void closeAll(SourceEndReason reason);

private:
    struct Waiter {
        MediaKey key;
        boost::asio::any_io_executor executor;
        std::function<void(std::shared_ptr<MediaSource>)> done;
        std::shared_ptr<boost::asio::steady_timer> timer;
    };
    struct Entry {
        std::shared_ptr<MediaSource> source;
        std::uint64_t generation = 0;  // bumps on every publisher change
        std::chrono::steady_clock::time_point idleSince{};
        bool noReaderFired = false;
    };

    void remove(const MediaKey& key, const std::shared_ptr<MediaSource>& source,
                SourceEndReason reason);
    void scheduleWatch();
    void watch();

    boost::asio::io_context& m_context;
    boost::asio::steady_timer m_watchTimer;
    mutable std::mutex m_mutex;
    std::map<MediaKey, Entry> m_sources;
    std::vector<std::shared_ptr<Waiter>> m_waiters;
    RegistryListener m_listener;
    RegistryTimings m_timings;
    std::uint64_t m_generation = 0;
    bool m_stopped = false;
};

}  // namespace regie::media
