#pragma once
// Holds a new stream's announcement (on_stream_changed, stream_create) until its tracks are
// described, as ZLM registers a stream only once its tracks are ready: so the hook carries the
// tracks and stream_create the video codec. A stream is announced when every track it declared
// (its metadata) is ready; one that declared none, when a second track is ready or
// general.wait_add_track_ms after the first; and general.wait_track_ready_ms after it began at
// the latest, with what is ready by then. A stream gone before its announcement is never
// announced, and so never reported gone either.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "core/config.h"
#include "media/media_source.h"

namespace regie::service::hooks {

struct TrackWaits {
    std::chrono::milliseconds addTrack{3000};
    std::chrono::milliseconds trackReady{10000};

    static TrackWaits fromConfig(const core::ConfigSnapshot& config);
};

struct TrackSighting {
    bool declared = false;  // the publisher said which tracks come
    int listed = 0;         // tracks declared or seen
    int ready = 0;
};

// nullopt: announce now. Otherwise the longest wait before the time alone can change that.
// `sinceFirstReady` is set once a track is ready.
std::optional<std::chrono::milliseconds> announceDelay(
    const TrackSighting& sighting, std::chrono::milliseconds sinceStart,
    std::optional<std::chrono::milliseconds> sinceFirstReady, const TrackWaits& waits);

class StreamAnnouncer {
public:
    using Announce = std::function<void(const std::shared_ptr<media::MediaSource>&)>;

    // Everything happens on `context`'s one thread: announcements and what follows a removal.
    StreamAnnouncer(boost::asio::io_context& context, const core::Config& config,
                    Announce announce);

    // Any thread.
    void added(const std::shared_ptr<media::MediaSource>& source);
    // Any thread: `gone` runs once the source has been announced, never if it was not.
    void removed(const media::MediaSource& source, std::function<void()> gone);

private:
    struct Pending;

    void check(const std::shared_ptr<Pending>& pending);

    boost::asio::io_context& m_context;
    const core::Config& m_config;
    Announce m_announce;
    std::map<const media::MediaSource*, std::shared_ptr<Pending>> m_pending;
};

}  // namespace regie::service::hooks
