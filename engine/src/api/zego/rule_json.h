#pragma once
// Ban rules as the ZEGO Describe Actions render them (room.md); the event feed reuses them.

#include <boost/json/object.hpp>

#include "service/rules/ban_rules.h"

namespace regie::api::zego {

// RuleType, IP, RoomId, UserId, DisabledPrivilegeList, ExpireTime.
boost::json::object userRuleJson(const service::rules::UserRule& rule);
// StreamId, DisableAudio, DisableVideo, CreateTime, EffectiveTime (the expiry instant); all
// numbers 0 for a stream id without a rule.
boost::json::object streamRuleJson(const std::string& streamId,
                                   const service::rules::StreamRule* rule);

}  // namespace regie::api::zego
