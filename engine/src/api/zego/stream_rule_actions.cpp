// SetForbidStreamRule, DescribeForbidStreamRules, DelForbidStreamRule (room.md "Stream ban
// rules").

#include <boost/json/array.hpp>

#include "api/zego/rule_actions.h"
#include "api/zego/rule_json.h"
#include "api/zego/scalars.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;
using service::rules::RuleFailure;
using service::rules::StreamRule;

constexpr int kInputError = 2;
constexpr double kRatePerSecond = 10;

ZegoResult inputError(std::string message) {
    return {kInputError, std::move(message), std::nullopt};
}

// An optional Int32 flag parameter: 0 when absent, nullopt when it does not parse.
std::optional<int> flag(const ZegoRequest& request, std::string_view name) {
    const auto value = request.query.value(name);
    return value ? parseInt32(*value) : std::optional<int>(0);
}

ZegoResult setRule(service::rules::RuleService& rules, const ZegoRequest& request) {
    const auto audio = flag(request, "DisableAudio");
    const auto video = flag(request, "DisableVideo");
    if (!audio || !video) {
        return inputError("DisableAudio and DisableVideo must be Int32");
    }
    std::optional<std::int64_t> seconds;
    if (const auto effective = request.query.value("EffectiveTime")) {
        seconds = parseInt64(*effective);
        if (!seconds) {
            return inputError("EffectiveTime must be an Int64");
        }
    }
    if (auto failure =
            rules.setStreamRule({textParam(request, "RoomId"), textParam(request, "StreamId"),
                                 *audio, *video, seconds})) {
        return roomFamilyFailure(*failure);
    }
    return {0, "", std::nullopt};
}

ZegoResult describeRules(const service::rules::RuleService& rules, const ZegoRequest& request) {
    const std::string roomId = textParam(request, "RoomId");
    std::vector<std::string> streamIds;
    for (const auto id : request.query.values("StreamId")) {
        streamIds.emplace_back(id);
    }
    auto result = rules.streamRules(roomId, streamIds);
    if (const auto* failure = std::get_if<RuleFailure>(&result)) {
        return roomFamilyFailure(*failure);
    }
    const auto& found = std::get<std::vector<std::optional<StreamRule>>>(result);
    json::array list;
    for (std::size_t i = 0; i < streamIds.size(); ++i) {
        list.push_back(streamRuleJson(streamIds[i], found[i] ? &*found[i] : nullptr));
    }
    return {0, "", json::object{{"RoomId", roomId}, {"ForbidStreamRuleList", std::move(list)}}};
}

ZegoResult deleteRule(service::rules::RuleService& rules, const ZegoRequest& request) {
    if (auto failure =
            rules.deleteStreamRule(textParam(request, "RoomId"), textParam(request, "StreamId"))) {
        return roomFamilyFailure(*failure);
    }
    return {0, "", std::nullopt};
}

}  // namespace

std::optional<RegisterError> registerStreamRuleActions(ZegoDoor& door,
                                                       const RuleActionContext& context) {
    auto& rules = context.rules;
    if (auto error =
            door.registerAction(ruleAction("SetForbidStreamRule", Family::room, kRatePerSecond,
                                           roomRuleHandler(context, [&rules](const ZegoRequest& r) {
                                               return setRule(rules, r);
                                           })))) {
        return error;
    }
    if (auto error = door.registerAction(ruleAction(
            "DescribeForbidStreamRules", Family::room, kRatePerSecond,
            roomRuleHandler(context,
                            [&rules](const ZegoRequest& r) { return describeRules(rules, r); })))) {
        return error;
    }
    return door.registerAction(ruleAction(
        "DelForbidStreamRule", Family::room, kRatePerSecond,
        roomRuleHandler(context, [&rules](const ZegoRequest& r) { return deleteRule(rules, r); })));
}

}  // namespace regie::api::zego
