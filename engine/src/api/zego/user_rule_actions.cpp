// SetForbidUserRule, DescribeForbidUserRules, DelForbidUserRule (room.md "User ban rules").

#include <boost/json/array.hpp>

#include "api/zego/rule_actions.h"
#include "api/zego/rule_json.h"
#include "api/zego/scalars.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;
using service::rules::RuleFailure;
using service::rules::UserRuleKey;

constexpr int kInputError = 2;

ZegoResult inputError(std::string message) {
    return {kInputError, std::move(message), std::nullopt};
}

std::optional<UserRuleKey> ruleKey(const ZegoRequest& request) {
    const auto type = request.query.value("RuleType");
    const auto parsed = type ? parseInt32(*type) : std::nullopt;
    if (!parsed) {
        return std::nullopt;
    }
    return UserRuleKey{*parsed, textParam(request, "IP"), textParam(request, "RoomId"),
                       textParam(request, "UserId")};
}

ZegoResult setRule(service::rules::RuleService& rules, const ZegoRequest& request) {
    auto key = ruleKey(request);
    if (!key) {
        return inputError("RuleType must be an Int32");
    }
    std::vector<int> privileges;
    for (const auto value : request.query.values("DisabledPrivilege")) {
        const auto privilege = parseInt32(value);
        if (!privilege) {
            return inputError("DisabledPrivilege[] must be Int32 values");
        }
        privileges.push_back(*privilege);
    }
    const auto effective = request.query.value("EffectiveTime");
    const auto seconds = effective ? parseInt64(*effective) : std::nullopt;
    if (!seconds) {
        return inputError("EffectiveTime must be an Int64");
    }
    auto result = rules.setUserRule({std::move(*key), std::move(privileges), *seconds});
    if (const auto* failure = std::get_if<RuleFailure>(&result)) {
        return roomFamilyFailure(*failure);
    }
    return {0, "", json::object{{"ExpireTime", std::get<std::int64_t>(result)}}};
}

ZegoResult describeRules(const service::rules::RuleService& rules, const ZegoRequest& request) {
    const auto type = request.query.value("RuleType");
    const auto parsed = type ? parseInt32(*type) : std::nullopt;
    if (!parsed) {
        return inputError("RuleType must be an Int32");
    }
    auto result = rules.userRules(*parsed);
    if (const auto* failure = std::get_if<RuleFailure>(&result)) {
        return roomFamilyFailure(*failure);
    }
    json::array list;
    for (const auto& rule : std::get<std::vector<service::rules::UserRule>>(result)) {
        list.push_back(userRuleJson(rule));
    }
    return {0, "", json::object{{"RuleList", std::move(list)}}};
}

ZegoResult deleteRule(service::rules::RuleService& rules, const ZegoRequest& request) {
    auto key = ruleKey(request);
    if (!key) {
        return inputError("RuleType must be an Int32");
    }
    if (auto failure = rules.deleteUserRule(std::move(*key))) {
        return roomFamilyFailure(*failure);
    }
    return {0, "", std::nullopt};
}

}  // namespace

std::optional<RegisterError> registerUserRuleActions(ZegoDoor& door,
                                                     const RuleActionContext& context) {
    auto& rules = context.rules;
    if (auto error =
            door.registerAction(ruleAction("SetForbidUserRule", Family::room, 10,
                                           roomRuleHandler(context, [&rules](const ZegoRequest& r) {
                                               return setRule(rules, r);
                                           })))) {
        return error;
    }
    if (auto error =
            door.registerAction(ruleAction("DescribeForbidUserRules", Family::room, 1,
                                           roomRuleHandler(context, [&rules](const ZegoRequest& r) {
                                               return describeRules(rules, r);
                                           })))) {
        return error;
    }
    return door.registerAction(ruleAction(
        "DelForbidUserRule", Family::room, 10,
        roomRuleHandler(context, [&rules](const ZegoRequest& r) { return deleteRule(rules, r); })));
}

}  // namespace regie::api::zego
