#include "api/zego/rule_json.h"

#include <boost/json/array.hpp>

namespace regie::api::zego {

namespace json = boost::json;

json::object userRuleJson(const service::rules::UserRule& rule) {
    json::array privileges;
    for (const int p : rule.privileges) {
        privileges.emplace_back(p);
    }
    return {{"RuleType", rule.key.type},
            {"IP", rule.key.ip},
            {"RoomId", rule.key.roomId},
            {"UserId", rule.key.userId},
            {"DisabledPrivilegeList", std::move(privileges)},
            {"ExpireTime", rule.expireTime}};
}

json::object streamRuleJson(const std::string& streamId, const service::rules::StreamRule* rule) {
    return {{"StreamId", streamId},
            {"DisableAudio", rule != nullptr && rule->disableAudio ? 1 : 0},
            {"DisableVideo", rule != nullptr && rule->disableVideo ? 1 : 0},
            {"CreateTime", rule != nullptr ? rule->createTime : std::int64_t{0}},
            {"EffectiveTime", rule != nullptr ? rule->expireTime : std::int64_t{0}}};
}

}  // namespace regie::api::zego
