#pragma once
// The four kinds of ban rule (spec: zego/room.md "User ban rules", "Stream ban rules";
// zego/media-service.md ForbidRTCStream, ForbidCDNLiveStream) and how the rule service
// answers about them. Times are Unix seconds.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace regie::service::rules {

// RuleType 1 IP, 2 RoomId, 3 UserId, 4 RoomId + UserId; fields the type does not use are empty.
struct UserRuleKey {
    int type = 0;
    std::string ip;
    std::string roomId;
    std::string userId;
    bool operator==(const UserRuleKey&) const = default;
};

struct UserRuleRequest {
    UserRuleKey key;
    std::vector<int> privileges;  // DisabledPrivilege[]: 1 login, 2 publish
    std::int64_t effectiveSeconds = 0;
};

struct UserRule {
    UserRuleKey key;
    std::vector<int> privileges;  // sorted, without duplicates
    std::int64_t createTime = 0;
    std::int64_t expireTime = 0;
};

struct StreamRuleRequest {
    std::string roomId;
    std::string streamId;
    int disableAudio = 0;
    int disableVideo = 0;
    std::optional<std::int64_t> effectiveSeconds;  // default 6 h, clamped to 24 h
};

struct StreamRule {
    std::string roomId;
    std::string streamId;
    bool disableAudio = false;
    bool disableVideo = false;
    std::int64_t createTime = 0;
    std::int64_t expireTime = 0;
};

// An RTC publish ban: no expiry, lifted by ResumeRTCStream(s).
struct RtcForbid {
    std::string streamId;
    std::int64_t since = 0;
};

// A direct-push (CDN) ban, lifted by ResumeCDNLiveStream or at endTime.
struct CdnForbid {
    std::string streamId;
    std::int64_t startTime = 0;
    std::int64_t endTime = 0;
};

using AnyRule = std::variant<UserRule, StreamRule, RtcForbid, CdnForbid>;

enum class ChangeAction { set, deleted, expired, resumed };

// "user", "stream", "rtc", "cdn": the kind names of the event feed.
inline std::string_view kindName(const AnyRule& rule) {
    static constexpr std::array<std::string_view, 4> kNames{"user", "stream", "rtc", "cdn"};
    return kNames.at(rule.index());
}

inline std::string_view actionName(ChangeAction action) {
    switch (action) {
        case ChangeAction::set:
            return "set";
        case ChangeAction::deleted:
            return "deleted";
        case ChangeAction::expired:
            return "expired";
        case ChangeAction::resumed:
            return "resumed";
    }
    return "set";
}

struct RuleChange {
    ChangeAction action = ChangeAction::set;
    AnyRule rule;
};

// Every rule the service holds: in force, and expired but not yet purged.
struct RulesSnapshot {
    std::int64_t now = 0;
    std::vector<UserRule> userRules;
    std::vector<StreamRule> streamRules;
    std::vector<RtcForbid> rtcForbidden;
    std::vector<CdnForbid> cdnForbidden;
};

enum class RuleError { featureDisabled, invalidInput, tooManyRules, notFound, storageFailed };

struct RuleFailure {
    RuleError error = RuleError::invalidInput;
    std::string message;
};

// A value, or why there is none.
template <typename T>
using RuleResult = std::variant<T, RuleFailure>;
// Empty when the change was made.
using RuleStatus = std::optional<RuleFailure>;

}  // namespace regie::service::rules
