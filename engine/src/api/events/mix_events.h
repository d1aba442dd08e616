#pragma once
// A `mixes` snapshot on the feed every second while anyone listens and tasks run: each running
// mix task with its play URLs and the request body it runs on, so that the console's Mix
// Designer can open a running task as it is.

#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <vector>

#include "api/events/event_feed.h"
#include "api/events/snapshot_ticker.h"
#include "service/mix/mix_service.h"

namespace regie::api::events {

boost::json::object mixesSnapshotJson(const std::vector<service::mix::MixTaskView>& tasks);

class MixEvents {
public:
    MixEvents(EventFeed& feed, const service::mix::MixService& mix,
              boost::asio::io_context& context);

    void start() { m_snapshots->start(); }
    void stop() { m_snapshots->stop(); }

private:
    std::shared_ptr<SnapshotTicker> m_snapshots;
};

}  // namespace regie::api::events
