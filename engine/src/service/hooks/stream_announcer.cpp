#include "service/hooks/stream_announcer.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

namespace regie::service::hooks {

namespace {

using std::chrono::milliseconds;

// Tracks become ready on the publisher's thread, inside the media path; a short look at them
// from here keeps that path free of hook work.
constexpr milliseconds kLookAgain{20};

}  // namespace

TrackWaits TrackWaits::fromConfig(const core::ConfigSnapshot& config) {
    TrackWaits waits;
    waits.addTrack =
        milliseconds(std::max<std::int64_t>(0, config.getInt("general.wait_add_track_ms")));
    waits.trackReady =
        milliseconds(std::max<std::int64_t>(0, config.getInt("general.wait_track_ready_ms")));
    return waits;
}

std::optional<milliseconds> announceDelay(const TrackSighting& sighting, milliseconds sinceStart,
                                          std::optional<milliseconds> sinceFirstReady,
                                          const TrackWaits& waits) {
    if (sinceStart >= waits.trackReady) {
        return std::nullopt;
    }
    const milliseconds deadline = waits.trackReady - sinceStart;
    if (sighting.listed == 0 || sighting.ready < sighting.listed) {
        return deadline;
    }
    if (sighting.declared || sighting.listed >= 2) {
        return std::nullopt;
    }
    const milliseconds secondTrack = waits.addTrack - sinceFirstReady.value_or(milliseconds(0));
    if (secondTrack <= milliseconds(0)) {
        return std::nullopt;
    }
    return std::min(secondTrack, deadline);
}

struct StreamAnnouncer::Pending {
    Pending(boost::asio::io_context& context, const std::shared_ptr<media::MediaSource>& source,
            TrackWaits waits)
        : source(source), timer(context), waits(waits) {}

    std::weak_ptr<media::MediaSource> source;
    boost::asio::steady_timer timer;
    TrackWaits waits;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::optional<std::chrono::steady_clock::time_point> firstReady;
};

StreamAnnouncer::StreamAnnouncer(boost::asio::io_context& context, const core::Config& config,
                                 Announce announce)
    : m_context(context), m_config(config), m_announce(std::move(announce)) {}

void StreamAnnouncer::added(const std::shared_ptr<media::MediaSource>& source) {
    auto pending =
        std::make_shared<Pending>(m_context, source, TrackWaits::fromConfig(*m_config.snapshot()));
    boost::asio::post(m_context, [this, key = source.get(), pending] {
        m_pending[key] = pending;
        check(pending);
    });
}

void StreamAnnouncer::removed(const media::MediaSource& source, std::function<void()> gone) {
    boost::asio::post(m_context, [this, key = &source, gone = std::move(gone)] {
        if (auto it = m_pending.find(key); it != m_pending.end()) {
            it->second->timer.cancel();
            m_pending.erase(it);
            return;
        }
        gone();
    });
}

void StreamAnnouncer::check(const std::shared_ptr<Pending>& pending) {
    auto source = pending->source.lock();
    if (!source) {
        return;
    }
    TrackSighting sighting;
    sighting.declared = source->tracksDeclared();
    for (const auto& track : source->tracks()) {
        ++sighting.listed;
        sighting.ready += track.ready() ? 1 : 0;
    }
    const auto now = std::chrono::steady_clock::now();
    if (sighting.ready > 0 && !pending->firstReady) {
        pending->firstReady = now;
    }
    const auto since = [&](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration_cast<milliseconds>(now - t);
    };
    std::optional<milliseconds> sinceFirstReady;
    if (pending->firstReady) {
        sinceFirstReady = since(*pending->firstReady);
    }
    const auto delay =
        announceDelay(sighting, since(pending->start), sinceFirstReady, pending->waits);
    if (!delay) {
        m_pending.erase(source.get());
        m_announce(source);
        return;
    }
    pending->timer.expires_after(std::min(*delay, kLookAgain));
    pending->timer.async_wait([this, pending](boost::system::error_code ec) {
        if (!ec) {
            check(pending);
        }
    });
}

}  // namespace regie::service::hooks
