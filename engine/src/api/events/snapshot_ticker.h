#pragma once
// A snapshot event on the feed (`streams`, `rooms`, `rules`): taken and published every second
// while anyone listens, skipped while it stays empty, and sent once more when it becomes empty
// so that clients clear their view.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <string>

#include "api/events/event_feed.h"

namespace regie::api::events {

struct Snapshot {
    bool empty = true;
    boost::json::object data;
};

class SnapshotTicker : public std::enable_shared_from_this<SnapshotTicker> {
public:
    SnapshotTicker(EventFeed& feed, boost::asio::io_context& context, std::string type,
                   std::function<Snapshot()> take);

    void start();
    void stop();

private:
    void tick();

    EventFeed& m_feed;
    boost::asio::steady_timer m_timer;
    std::string m_type;
    std::function<Snapshot()> m_take;
    bool m_lastWasEmpty = true;
};

}  // namespace regie::api::events
