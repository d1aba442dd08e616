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
    : m_feed(feed), m_rules(rules), m_timer(context) {}

void RuleEvents::changed(const rules::RuleChange& change) {
    m_feed.publish("rule.changed", ruleChangedJson(change));
}

void RuleEvents::start() {
    m_timer.expires_after(std::chrono::seconds(1));
    m_timer.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
        auto self = weak.lock();
        if (ec || !self) {
            return;
        }
        self->tick();
        self->start();
    });
}

void RuleEvents::stop() {
    boost::asio::post(m_timer.get_executor(),
                      [self = shared_from_this()] { self->m_timer.cancel(); });
}

void RuleEvents::tick() {
    if (m_feed.subscriberCount() == 0) {
        return;
    }
    const auto snapshot = m_rules.snapshot();
    const bool empty = snapshot.userRules.empty() && snapshot.streamRules.empty() &&
                       snapshot.rtcForbidden.empty() && snapshot.cdnForbidden.empty();
    if (empty && m_lastWasEmpty) {
        return;
    }
    m_lastWasEmpty = empty;
    m_feed.publish("rules", rulesSnapshotJson(snapshot));
}

}  // namespace regie::api::events
