#pragma once
// Stream events on the feed: `stream.added` / `stream.removed` as they happen, and a `streams`
// snapshot (the getMediaList objects) every second while anyone listens, which carries reader
// counts, bitrates and track details to the console without polling.

#include <boost/asio/io_context.hpp>
#include <memory>

#include "api/events/event_feed.h"
#include "api/events/snapshot_ticker.h"
#include "media/source_registry.h"

namespace regie::api::events {

class StreamEvents {
public:
    StreamEvents(EventFeed& feed, media::SourceRegistry& sources, boost::asio::io_context& context);

    void added(const media::MediaSource& source);
    void removed(const media::MediaSource& source, media::SourceEndReason reason);

    void start() { m_snapshots->start(); }
    void stop() { m_snapshots->stop(); }

private:
    EventFeed& m_feed;
    std::shared_ptr<SnapshotTicker> m_snapshots;
};

}  // namespace regie::api::events
