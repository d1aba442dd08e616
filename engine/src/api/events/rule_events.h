#pragma once
// Ban-rule events on the feed: `rule.changed` for every change as it happens, and a `rules`
// snapshot (every rule in force or recently expired) every second while anyone listens and
// there are rules, so the console's Rules page needs nothing else.

#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>
#include <memory>

#include "api/events/event_feed.h"
#include "api/events/snapshot_ticker.h"
#include "service/rules/rule_service.h"

namespace regie::api::events {

boost::json::object ruleChangedJson(const service::rules::RuleChange& change);
boost::json::object rulesSnapshotJson(const service::rules::RulesSnapshot& snapshot);

class RuleEvents {
public:
    RuleEvents(EventFeed& feed, const service::rules::RuleService& rules,
               boost::asio::io_context& context);

    void changed(const service::rules::RuleChange& change);

    void start() { m_snapshots->start(); }
    void stop() { m_snapshots->stop(); }

private:
    EventFeed& m_feed;
    std::shared_ptr<SnapshotTicker> m_snapshots;
};

}  // namespace regie::api::events
