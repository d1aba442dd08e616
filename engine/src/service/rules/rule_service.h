#pragma once
// The ban rules of the ZEGO APIs: user rules (login/publish by IP, room, user, room+user),
// stream rules (withhold a stream's audio and/or video from its players), RTC publish bans and
// CDN (direct push) bans. Rules live in memory for the checks and in the store for restarts;
// expired rules stay visible until purged a day after they expired.
//
// Thread-safe. Changes write the store, so they belong on worker threads; the checks
// (refusal, publishRefusal, withheldTracks) only read memory and may run on io threads.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/log.h"
#include "core/result.h"
#include "core/store.h"
#include "media/access.h"
#include "service/rules/ban_rules.h"
#include "service/rules/rule_enforcer.h"
#include "service/rules/user_rule_check.h"

namespace regie::service::rules {

struct RuleSettings {
    bool userAndStreamRulesEnabled = true;  // rules.enable; off: their Actions answer 9
    std::string streamApp = "live";         // zego.app: ZEGO stream ids are streams of this app
};

class RuleService final : public UserRuleCheck {
public:
    static constexpr std::int64_t kMaxUserRuleSeconds = 86400;
    static constexpr std::int64_t kDefaultStreamRuleSeconds = 21600;
    static constexpr std::int64_t kMaxStreamRuleSeconds = 86400;
    static constexpr std::int64_t kDefaultCdnForbidSeconds = 86400;
    static constexpr std::int64_t kMaxCdnForbidSeconds = std::int64_t{30} * 86400;
    static constexpr std::int64_t kPurgeAfterSeconds = 86400;
    static constexpr std::size_t kMaxStreamIdBytes = 256;

    // Loads the stored rules; rules already expired are not announced again.
    static core::Result<std::unique_ptr<RuleService>> open(core::Store& store,
                                                           const core::Clock& clock,
                                                           RuleEnforcer& enforcer,
                                                           core::Logger& log,
                                                           RuleSettings settings);

    void updateSettings(RuleSettings settings);
    // Called after every change, outside the service's lock, on the changing thread.
    void setListener(std::function<void(const RuleChange&)> listener);

    // Off: the user and stream rule calls fail with featureDisabled (their Actions answer 9);
    // rules already set keep being enforced until they expire.
    bool userAndStreamRulesEnabled() const;

    // Max rules of a RuleType in force at once (room.md).
    static std::size_t maxEffectiveUserRules(int type);

    // SetForbidUserRule: the rule's ExpireTime.
    RuleResult<std::int64_t> setUserRule(UserRuleRequest request);
    RuleResult<std::vector<UserRule>> userRules(int type) const;
    RuleStatus deleteUserRule(UserRuleKey key);

    RuleStatus setStreamRule(const StreamRuleRequest& request);
    // One entry per stream id, in order; nullopt where the room has no rule for it.
    RuleResult<std::vector<std::optional<StreamRule>>> streamRules(
        const std::string& roomId, const std::vector<std::string>& streamIds) const;
    // Deleting a rule that does not exist is fine.
    RuleStatus deleteStreamRule(const std::string& roomId, const std::string& streamId);

    // Bans the stream ids (live or not) and cuts their publishers.
    RuleStatus forbidRtc(const std::vector<std::string>& streamIds);
    RuleStatus resumeRtc(const std::vector<std::string>& streamIds);

    // `resumeAt` defaults to one day from now and is cut to 30 days; one in the past is invalid.
    RuleResult<CdnForbid> forbidCdn(const std::string& streamId,
                                    std::optional<std::int64_t> resumeAt);
    RuleStatus resumeCdn(const std::string& streamId);
    std::vector<CdnForbid> cdnForbiddenNow() const;

    // UserRuleCheck: a login or publish refused by a user rule in force.
    std::optional<std::string> refusal(const UserAction& action) const override;
    // Why publishing `app/stream` is refused by an RTC or CDN ban, if it is.
    std::optional<std::string> publishRefusal(const std::string& app,
                                              const std::string& stream) const;
    // The publish gate for media::chainAccess.
    media::AccessCheck publishCheck() const;
    // What the stream rules in force withhold from the players of `app/stream`.
    media::WithheldTracks withheldTracks(const std::string& app, const std::string& stream) const;

    // The room a stream id is in, if any. A stream rule holds for its stream id while the stream
    // is in the rule's room, or in no room at all (a plain RTMP push cannot name one). Set once,
    // before the engine serves.
    using StreamRoomLookup = std::function<std::optional<std::string>(const std::string&)>;
    void setStreamRoomLookup(StreamRoomLookup lookup) { m_roomOf = std::move(lookup); }

    // Announces and enforces the expiries due by now, purges old expired rules. Call about once
    // a second.
    void sweep();

    RulesSnapshot snapshot() const;

private:
    RuleService(core::Store& store, const core::Clock& clock, RuleEnforcer& enforcer,
                core::Logger& log, RuleSettings settings);

    template <typename T>
    struct Held {
        T rule;
        bool expiryAnnounced = false;
    };
    using StreamKey = std::pair<std::string, std::string>;  // room id, stream id

    void adopt(AnyRule rule, std::int64_t now);
    void notify(const std::vector<RuleChange>& changes) const;
    void enforceStreamRules(const std::string& streamId) const;
    media::WithheldTracks withheldLocked(const std::string& streamId,
                                         const std::optional<std::string>& roomId,
                                         std::int64_t now) const;
    std::optional<std::string> roomOf(const std::string& streamId) const;
    std::optional<RuleFailure> unlessEnabled() const;

    core::Store& m_store;
    const core::Clock& m_clock;
    RuleEnforcer& m_enforcer;
    core::Logger& m_log;
    StreamRoomLookup m_roomOf;

    mutable std::mutex m_mutex;
    RuleSettings m_settings;
    std::function<void(const RuleChange&)> m_listener;
    std::map<std::string, Held<UserRule>> m_userRules;  // by stored row key
    std::map<StreamKey, Held<StreamRule>> m_streamRules;
    std::map<std::string, RtcForbid> m_rtc;
    std::map<std::string, Held<CdnForbid>> m_cdn;
};

}  // namespace regie::service::rules
