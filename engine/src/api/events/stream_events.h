#pragma once
// Stream events on the feed: `stream.added` / `stream.removed` as they happen, and a `streams`
// snapshot (the getMediaList objects) every second while anyone listens, which carries reader
// counts, bitrates and track details to the console without polling.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "api/events/event_feed.h"
#include "media/source_registry.h"

namespace regie::api::events {

class StreamEvents : public std::enable_shared_from_this<StreamEvents> {
public:
    StreamEvents(EventFeed& feed, media::SourceRegistry& sources, boost::asio::io_context& context);

    void added(const media::MediaSource& source);
    void removed(const media::MediaSource& source, media::SourceEndReason reason);

    void start();
    void stop();

private:
    void tick();

    EventFeed& m_feed;
    media::SourceRegistry& m_sources;
    boost::asio::steady_timer m_timer;
    bool m_lastWasEmpty = true;
};

}  // namespace regie::api::events
