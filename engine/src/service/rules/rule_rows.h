#pragma once
// How each kind of ban rule is stored: its identity as the row's key, its own fields as a JSON
// payload. A row that does not parse back yields nullopt (a newer or damaged row is skipped).

#include <optional>

#include "core/store.h"
#include "service/rules/ban_rules.h"

namespace regie::service::rules {

core::BanRuleRow toRow(const UserRule& rule);
core::BanRuleRow toRow(const StreamRule& rule);
core::BanRuleRow toRow(const RtcForbid& rule);
core::BanRuleRow toRow(const CdnForbid& rule);

// The row identity of a rule key, for deletions.
core::BanRuleRow userRuleIdentity(const UserRuleKey& key);
core::BanRuleRow streamRuleIdentity(const std::string& roomId, const std::string& streamId);
core::BanRuleRow rtcForbidIdentity(const std::string& streamId);
core::BanRuleRow cdnForbidIdentity(const std::string& streamId);

std::optional<AnyRule> fromRow(const core::BanRuleRow& row);

}  // namespace regie::service::rules
