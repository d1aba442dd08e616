#pragma once
// The ban-rule Actions, one group per file: user rules and stream rules (room.md), RTC and CDN
// publish bans with DescribeRTCStreamState (media-service.md). Each returns the first
// registration error, if any.

#include <optional>

#include "api/zego/rule_action_support.h"
#include "api/zego/zego_door.h"

namespace regie::api::zego {

std::optional<RegisterError> registerUserRuleActions(ZegoDoor& door,
                                                     const RuleActionContext& context);
std::optional<RegisterError> registerStreamRuleActions(ZegoDoor& door,
                                                       const RuleActionContext& context);
std::optional<RegisterError> registerRtcForbidActions(ZegoDoor& door,
                                                      const RuleActionContext& context);
std::optional<RegisterError> registerCdnForbidActions(ZegoDoor& door,
                                                      const RuleActionContext& context);

}  // namespace regie::api::zego
