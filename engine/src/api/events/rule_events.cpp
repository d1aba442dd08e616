#include "api/events/rule_events.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "api/zego/rule_json.h"

namespace regie::api::events {

namespace json = boost::json;
namespace rules = service::rules;

namespace {

json::object ruleJson(const rules::UserRule& rule) {
    auto out = zego::userRuleJson(rule);
    out["CreateTime"] = rule.createTime;
    return out;
}

json::object ruleJson(const rules::StreamRule& rule) {
    auto out = zego::streamRuleJson(rule.streamId, &rule);
    out["RoomId"] = rule.roomId;
    return out;
}

json::object ruleJson(const rules::RtcForbid& rule) {
    return {{"StreamId", rule.streamId}, {"Since", rule.since}};
}

json::object ruleJson(const rules::CdnForbid& rule) {
    return {{"StreamId", rule.streamId}, {"StartTime", rule.startTime}, {"EndTime", rule.endTime}};
}

template <typename T>
json::array listJson(const std::vector<T>& rules) {
    json::array out;
    for (const auto& rule : rules) {
        out.push_back(ruleJson(rule));
    }
    return out;
}

}  // namespace

json::object ruleChangedJson(const rules::RuleChange& change) {
    json::object out = std::visit([](const auto& rule) { return ruleJson(rule); }, change.rule);
    out["kind"] = rules::kindName(change.rule);
    out["action"] = rules::actionName(change.action);
    return out;
}

json::object rulesSnapshotJson(const rules::RulesSnapshot& snapshot) {
    return {{"now", snapshot.now},
            {"userRules", listJson(snapshot.userRules)},
            {"streamRules", listJson(snapshot.streamRules)},
            {"rtcForbidden", listJson(snapshot.rtcForbidden)},
            {"cdnForbidden", listJson(snapshot.cdnForbidden)}};
}

RuleEvents::RuleEvents(EventFeed& feed, const rules::RuleService& rules,
                       boost::asio::io_context& context)
    : m_feed(feed), m_snapshots(std::make_shared<SnapshotTicker>(feed, context, "rules", [&rules] {
        const auto snapshot = rules.snapshot();
        const bool empty = snapshot.userRules.empty() && snapshot.streamRules.empty() &&
                           snapshot.rtcForbidden.empty() && snapshot.cdnForbidden.empty();
        return Snapshot{empty, rulesSnapshotJson(snapshot)};
    })) {}

void RuleEvents::changed(const rules::RuleChange& change) {
    m_feed.publish("rule.changed", ruleChangedJson(change));
}

}  // namespace regie::api::events
