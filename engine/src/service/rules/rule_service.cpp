#include "service/rules/rule_service.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

#include "service/rules/rule_rows.h"

namespace regie::service::rules {

namespace {

constexpr int kLogin = 1;
constexpr int kPublish = 2;
constexpr std::size_t kMaxDescribedStreams = 10;

RuleFailure invalid(std::string message) {
    return {RuleError::invalidInput, std::move(message)};
}

RuleFailure storageFailed(const core::Status& status) {
    return {RuleError::storageFailed, status.error().message};
}

bool isIpAddress(const std::string& text) {
    boost::system::error_code ec;
    boost::asio::ip::make_address(text, ec);
    return !ec;
}

// The key with only the fields its RuleType uses; extra fields in a request are ignored.
RuleResult<UserRuleKey> normalized(UserRuleKey key) {
    switch (key.type) {
        case 1:
            if (key.ip.empty() || !isIpAddress(key.ip)) {
                return invalid("RuleType 1 needs a valid IP");
            }
            return UserRuleKey{1, std::move(key.ip), {}, {}};
        case 2:
            if (key.roomId.empty()) {
                return invalid("RuleType 2 needs RoomId");
            }
            return UserRuleKey{2, {}, std::move(key.roomId), {}};
        case 3:
            if (key.userId.empty()) {
                return invalid("RuleType 3 needs UserId");
            }
            return UserRuleKey{3, {}, {}, std::move(key.userId)};
        case 4:
            if (key.roomId.empty() || key.userId.empty()) {
                return invalid("RuleType 4 needs RoomId and UserId");
            }
            return UserRuleKey{4, {}, std::move(key.roomId), std::move(key.userId)};
        default:
            return invalid("RuleType must be 1 to 4");
    }
}

std::optional<RuleFailure> checkStreamId(const std::string& streamId) {
    if (streamId.empty() || streamId.size() > RuleService::kMaxStreamIdBytes) {
        return invalid("StreamId must be 1 to 256 bytes");
    }
    return std::nullopt;
}

std::string_view privilegeName(int privilege) {
    return privilege == kLogin ? "login" : "publish";
}

}  // namespace

core::Result<std::unique_ptr<RuleService>> RuleService::open(core::Store& store,
                                                             const core::Clock& clock,
                                                             RuleEnforcer& enforcer,
                                                             core::Logger& log,
                                                             RuleSettings settings) {
    auto rows = store.loadBanRules();
    if (!rows) {
        return rows.error();
    }
    std::unique_ptr<RuleService> service(
        new RuleService(store, clock, enforcer, log, std::move(settings)));
    const std::int64_t now = clock.unixSeconds();
    for (const auto& row : rows.value()) {
        if (auto rule = fromRow(row)) {
            service->adopt(std::move(*rule), now);
        } else {
            log.warn("rules.unreadable_row", {{"kind", row.kind}, {"key", row.key}});
        }
    }
    return service;
}

RuleService::RuleService(core::Store& store, const core::Clock& clock, RuleEnforcer& enforcer,
                         core::Logger& log, RuleSettings settings)
    : m_store(store)
    , m_clock(clock)
    , m_enforcer(enforcer)
    , m_log(log)
    , m_settings(std::move(settings)) {}

void RuleService::adopt(AnyRule rule, std::int64_t now) {
    // Keys first: the right side of an assignment is evaluated (and moved from) before the left.
    if (auto* user = std::get_if<UserRule>(&rule)) {
        const bool expired = user->expireTime <= now;
        const std::string key = userRuleIdentity(user->key).key;
        m_userRules[key] = {std::move(*user), expired};
    } else if (auto* stream = std::get_if<StreamRule>(&rule)) {
        const bool expired = stream->expireTime <= now;
        const StreamKey key{stream->roomId, stream->streamId};
        m_streamRules[key] = {std::move(*stream), expired};
    } else if (auto* rtc = std::get_if<RtcForbid>(&rule)) {
        const std::string key = rtc->streamId;
        m_rtc[key] = std::move(*rtc);
    } else if (auto* cdn = std::get_if<CdnForbid>(&rule)) {
        const bool expired = cdn->endTime <= now;
        const std::string key = cdn->streamId;
        m_cdn[key] = {std::move(*cdn), expired};
    }
}

void RuleService::updateSettings(RuleSettings settings) {
    std::lock_guard lock(m_mutex);
    m_settings = std::move(settings);
}

void RuleService::setListener(std::function<void(const RuleChange&)> listener) {
    std::lock_guard lock(m_mutex);
    m_listener = std::move(listener);
}

std::size_t RuleService::maxEffectiveUserRules(int type) {
    return type == 1 ? 100 : 200;
}

bool RuleService::userAndStreamRulesEnabled() const {
    std::lock_guard lock(m_mutex);
    return m_settings.userAndStreamRulesEnabled;
}

std::optional<RuleFailure> RuleService::unlessEnabled() const {
    if (!userAndStreamRulesEnabled()) {
        return RuleFailure{RuleError::featureDisabled, "ban rules are not enabled"};
    }
    return std::nullopt;
}

RuleResult<std::int64_t> RuleService::setUserRule(UserRuleRequest request) {
    if (auto off = unlessEnabled()) {
        return *off;
    }
    auto key = normalized(std::move(request.key));
    if (auto* failure = std::get_if<RuleFailure>(&key)) {
        return *failure;
    }
    auto& privileges = request.privileges;
    if (privileges.empty() || std::any_of(privileges.begin(), privileges.end(),
                                          [](int p) { return p != kLogin && p != kPublish; })) {
        return invalid("DisabledPrivilege must list 1 (login) and/or 2 (publish)");
    }
    std::sort(privileges.begin(), privileges.end());
    privileges.erase(std::unique(privileges.begin(), privileges.end()), privileges.end());
    if (request.effectiveSeconds < 1 || request.effectiveSeconds > kMaxUserRuleSeconds) {
        return invalid("EffectiveTime must be 1 to 86400");
    }

    const std::int64_t now = m_clock.unixSeconds();
    UserRule rule{std::get<UserRuleKey>(std::move(key)), std::move(privileges), now,
                  now + request.effectiveSeconds};
    const auto row = toRow(rule);
    {
        std::lock_guard lock(m_mutex);
        const auto inForce = std::count_if(m_userRules.begin(), m_userRules.end(), [&](auto& e) {
            return e.first != row.key && e.second.rule.key.type == rule.key.type &&
                   e.second.rule.expireTime > now;
        });
        if (static_cast<std::size_t>(inForce) >= maxEffectiveUserRules(rule.key.type)) {
            return RuleFailure{
                RuleError::tooManyRules,
                "too many rules of RuleType " + std::to_string(rule.key.type) + " in force"};
        }
        if (auto saved = m_store.saveBanRule(row); !saved) {
            return storageFailed(saved);
        }
        m_userRules[row.key] = {rule, false};
    }
    notify({{ChangeAction::set, rule}});
    return rule.expireTime;
}

RuleResult<std::vector<UserRule>> RuleService::userRules(int type) const {
    if (auto off = unlessEnabled()) {
        return *off;
    }
    if (type < 1 || type > 4) {
        return invalid("RuleType must be 1 to 4");
    }
    std::vector<UserRule> out;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [rowKey, held] : m_userRules) {
            if (held.rule.key.type == type) {
                out.push_back(held.rule);
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const UserRule& a, const UserRule& b) {
        return a.createTime < b.createTime;
    });
    return out;
}

RuleStatus RuleService::deleteUserRule(UserRuleKey key) {
    if (auto off = unlessEnabled()) {
        return off;
    }
    auto normalizedKey = normalized(std::move(key));
    if (auto* failure = std::get_if<RuleFailure>(&normalizedKey)) {
        return *failure;
    }
    const auto identity = userRuleIdentity(std::get<UserRuleKey>(normalizedKey));
    UserRule removed;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_userRules.find(identity.key);
        if (it == m_userRules.end()) {
            return RuleFailure{RuleError::notFound, "no such rule"};
        }
        if (auto deleted = m_store.deleteBanRule(identity.kind, identity.key); !deleted) {
            return storageFailed(deleted);
        }
        removed = std::move(it->second.rule);
        m_userRules.erase(it);
    }
    notify({{ChangeAction::deleted, std::move(removed)}});
    return std::nullopt;
}

RuleStatus RuleService::setStreamRule(const StreamRuleRequest& request) {
    if (auto off = unlessEnabled()) {
        return off;
    }
    if (request.roomId.empty()) {
        return invalid("RoomId is required");
    }
    if (auto bad = checkStreamId(request.streamId)) {
        return bad;
    }
    const auto isFlag = [](int v) { return v == 0 || v == 1; };
    if (!isFlag(request.disableAudio) || !isFlag(request.disableVideo)) {
        return invalid("DisableAudio and DisableVideo must be 0 or 1");
    }
    if (request.disableAudio == 0 && request.disableVideo == 0) {
        return invalid("one of DisableAudio and DisableVideo must be 1");
    }
    const std::int64_t seconds = request.effectiveSeconds.value_or(kDefaultStreamRuleSeconds);
    if (seconds < 1) {
        return invalid("EffectiveTime must be at least 1");
    }
    const std::int64_t now = m_clock.unixSeconds();
    StreamRule rule{request.roomId,
                    request.streamId,
                    request.disableAudio == 1,
                    request.disableVideo == 1,
                    now,
                    now + std::min(seconds, kMaxStreamRuleSeconds)};
    {
        std::lock_guard lock(m_mutex);
        if (auto saved = m_store.saveBanRule(toRow(rule)); !saved) {
            return storageFailed(saved);
        }
        m_streamRules[{rule.roomId, rule.streamId}] = {rule, false};
    }
    enforceStreamRules(rule.streamId);
    notify({{ChangeAction::set, rule}});
    return std::nullopt;
}

RuleResult<std::vector<std::optional<StreamRule>>> RuleService::streamRules(
    const std::string& roomId, const std::vector<std::string>& streamIds) const {
    if (auto off = unlessEnabled()) {
        return *off;
    }
    if (roomId.empty()) {
        return invalid("RoomId is required");
    }
    if (streamIds.empty() || streamIds.size() > kMaxDescribedStreams) {
        return invalid("StreamId[] must list 1 to 10 stream ids");
    }
    for (const auto& id : streamIds) {
        if (auto bad = checkStreamId(id)) {
            return *bad;
        }
    }
    std::vector<std::optional<StreamRule>> out;
    std::lock_guard lock(m_mutex);
    for (const auto& id : streamIds) {
        auto it = m_streamRules.find({roomId, id});
        out.push_back(it == m_streamRules.end() ? std::nullopt
                                                : std::optional<StreamRule>(it->second.rule));
    }
    return out;
}

RuleStatus RuleService::deleteStreamRule(const std::string& roomId, const std::string& streamId) {
    if (auto off = unlessEnabled()) {
        return off;
    }
    if (roomId.empty()) {
        return invalid("RoomId is required");
    }
    if (auto bad = checkStreamId(streamId)) {
        return bad;
    }
    std::optional<StreamRule> removed;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_streamRules.find({roomId, streamId});
        if (it == m_streamRules.end()) {
            return std::nullopt;
        }
        const auto identity = streamRuleIdentity(roomId, streamId);
        if (auto deleted = m_store.deleteBanRule(identity.kind, identity.key); !deleted) {
            return storageFailed(deleted);
        }
        removed = std::move(it->second.rule);
        m_streamRules.erase(it);
    }
    enforceStreamRules(streamId);
    notify({{ChangeAction::deleted, std::move(*removed)}});
    return std::nullopt;
}

RuleStatus RuleService::forbidRtc(const std::vector<std::string>& streamIds) {
    for (const auto& id : streamIds) {
        if (auto bad = checkStreamId(id)) {
            return bad;
        }
    }
    const std::int64_t now = m_clock.unixSeconds();
    std::vector<RuleChange> changes;
    std::string app;
    {
        std::lock_guard lock(m_mutex);
        app = m_settings.streamApp;
        for (const auto& id : streamIds) {
            if (m_rtc.contains(id)) {
                continue;
            }
            RtcForbid rule{id, now};
            if (auto saved = m_store.saveBanRule(toRow(rule)); !saved) {
                return storageFailed(saved);
            }
            m_rtc[id] = rule;
            changes.push_back({ChangeAction::set, std::move(rule)});
        }
    }
    for (const auto& id : streamIds) {
        m_enforcer.cutPublisher(app, id);
    }
    notify(changes);
    return std::nullopt;
}

RuleStatus RuleService::resumeRtc(const std::vector<std::string>& streamIds) {
    std::vector<RuleChange> changes;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& id : streamIds) {
            auto it = m_rtc.find(id);
            if (it == m_rtc.end()) {
                continue;
            }
            const auto identity = rtcForbidIdentity(id);
            if (auto deleted = m_store.deleteBanRule(identity.kind, identity.key); !deleted) {
                return storageFailed(deleted);
            }
            changes.push_back(
                {ChangeAction::resumed, AnyRule(std::in_place_type<RtcForbid>, it->second)});
            m_rtc.erase(it);
        }
    }
    notify(changes);
    return std::nullopt;
}

RuleResult<CdnForbid> RuleService::forbidCdn(const std::string& streamId,
                                             std::optional<std::int64_t> resumeAt) {
    if (auto bad = checkStreamId(streamId)) {
        return *bad;
    }
    const std::int64_t now = m_clock.unixSeconds();
    const std::int64_t end = resumeAt.value_or(now + kDefaultCdnForbidSeconds);
    if (end <= now) {
        return invalid("ResumeTime is not in the future");
    }
    CdnForbid rule{streamId, now, std::min(end, now + kMaxCdnForbidSeconds)};
    std::string app;
    {
        std::lock_guard lock(m_mutex);
        if (auto saved = m_store.saveBanRule(toRow(rule)); !saved) {
            return storageFailed(saved);
        }
        m_cdn[streamId] = {rule, false};
        app = m_settings.streamApp;
    }
    m_enforcer.cutPublisher(app, streamId);
    notify({{ChangeAction::set, rule}});
    return rule;
}

RuleStatus RuleService::resumeCdn(const std::string& streamId) {
    if (auto bad = checkStreamId(streamId)) {
        return bad;
    }
    CdnForbid removed;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cdn.find(streamId);
        if (it == m_cdn.end()) {
            return std::nullopt;
        }
        const auto identity = cdnForbidIdentity(streamId);
        if (auto deleted = m_store.deleteBanRule(identity.kind, identity.key); !deleted) {
            return storageFailed(deleted);
        }
        removed = std::move(it->second.rule);
        m_cdn.erase(it);
    }
    notify({{ChangeAction::resumed, std::move(removed)}});
    return std::nullopt;
}

std::vector<CdnForbid> RuleService::cdnForbiddenNow() const {
    const std::int64_t now = m_clock.unixSeconds();
    std::vector<CdnForbid> out;
    std::lock_guard lock(m_mutex);
    for (const auto& [id, held] : m_cdn) {
        if (held.rule.endTime > now) {
            out.push_back(held.rule);
        }
    }
    return out;
}

std::optional<std::string> RuleService::refusal(const UserAction& action) const {
    const int privilege = static_cast<int>(action.privilege);
    std::vector<UserRuleKey> candidates;
    if (!action.ip.empty()) {
        candidates.push_back({1, action.ip, {}, {}});
    }
    if (!action.roomId.empty()) {
        candidates.push_back({2, {}, action.roomId, {}});
    }
    if (!action.userId.empty()) {
        candidates.push_back({3, {}, {}, action.userId});
    }
    if (!action.roomId.empty() && !action.userId.empty()) {
        candidates.push_back({4, {}, action.roomId, action.userId});
    }
    const std::int64_t now = m_clock.unixSeconds();
    std::lock_guard lock(m_mutex);
    for (const auto& key : candidates) {
        auto it = m_userRules.find(userRuleIdentity(key).key);
        if (it == m_userRules.end() || it->second.rule.expireTime <= now) {
            continue;
        }
        const auto& privileges = it->second.rule.privileges;
        if (std::find(privileges.begin(), privileges.end(), privilege) != privileges.end()) {
            return std::string(privilegeName(privilege)) + " banned by a rule of RuleType " +
                   std::to_string(key.type) + " until " +
                   std::to_string(it->second.rule.expireTime);
        }
    }
    return std::nullopt;
}

std::optional<std::string> RuleService::publishRefusal(const std::string& app,
                                                       const std::string& stream) const {
    const std::int64_t now = m_clock.unixSeconds();
    std::lock_guard lock(m_mutex);
    if (app != m_settings.streamApp) {
        return std::nullopt;
    }
    if (m_rtc.contains(stream)) {
        return "stream id forbidden by ForbidRTCStream";
    }
    if (auto it = m_cdn.find(stream); it != m_cdn.end() && it->second.rule.endTime > now) {
        return "stream id forbidden by ForbidCDNLiveStream until " +
               std::to_string(it->second.rule.endTime);
    }
    return std::nullopt;
}

media::AccessCheck RuleService::publishCheck() const {
    return [this](const media::AccessRequest& request, const media::AccessAnswer& answer) {
        auto refused = publishRefusal(request.key.app, request.key.stream);
        answer(refused ? media::AccessVerdict::refuse(std::move(*refused))
                       : media::AccessVerdict::allow());
    };
}

media::WithheldTracks RuleService::withheldTracks(const std::string& app,
                                                  const std::string& stream) const {
    // The room is looked up before taking the lock: the room service asks refusal() under its
    // own lock, so the two locks are never held in the other order.
    const std::optional<std::string> roomId = roomOf(stream);
    const std::int64_t now = m_clock.unixSeconds();
    std::lock_guard lock(m_mutex);
    if (app != m_settings.streamApp) {
        return {};
    }
    return withheldLocked(stream, roomId, now);
}

std::optional<std::string> RuleService::roomOf(const std::string& streamId) const {
    return m_roomOf ? m_roomOf(streamId) : std::nullopt;
}

media::WithheldTracks RuleService::withheldLocked(const std::string& streamId,
                                                  const std::optional<std::string>& roomId,
                                                  std::int64_t now) const {
    media::WithheldTracks tracks;
    for (const auto& [key, held] : m_streamRules) {
        const bool inRuleRoom = !roomId || key.first == *roomId;
        if (key.second == streamId && inRuleRoom && held.rule.expireTime > now) {
            tracks.audio |= held.rule.disableAudio;
            tracks.video |= held.rule.disableVideo;
        }
    }
    return tracks;
}

void RuleService::enforceStreamRules(const std::string& streamId) const {
    const std::optional<std::string> roomId = roomOf(streamId);
    std::string app;
    media::WithheldTracks tracks;
    {
        const std::int64_t now = m_clock.unixSeconds();
        std::lock_guard lock(m_mutex);
        app = m_settings.streamApp;
        tracks = withheldLocked(streamId, roomId, now);
    }
    m_enforcer.withhold(app, streamId, tracks);
}

void RuleService::sweep() {
    const std::int64_t now = m_clock.unixSeconds();
    const std::int64_t purgeBefore = now - kPurgeAfterSeconds;
    std::vector<RuleChange> changes;
    std::vector<std::string> expiredStreams;
    {
        std::lock_guard lock(m_mutex);
        bool purge = false;
        const auto announce = [&](auto& held, std::int64_t expireTime) {
            if (!held.expiryAnnounced && expireTime <= now) {
                held.expiryAnnounced = true;
                changes.push_back({ChangeAction::expired, held.rule});
                return true;
            }
            purge |= expireTime < purgeBefore;
            return false;
        };
        for (auto& [key, held] : m_userRules) {
            announce(held, held.rule.expireTime);
        }
        for (auto& [key, held] : m_streamRules) {
            if (announce(held, held.rule.expireTime)) {
                expiredStreams.push_back(key.second);
            }
        }
        for (auto& [key, held] : m_cdn) {
            announce(held, held.rule.endTime);
        }
        if (purge) {
            if (auto purged = m_store.purgeBanRules(purgeBefore); purged) {
                std::erase_if(m_userRules, [&](const auto& e) {
                    return e.second.rule.expireTime < purgeBefore;
                });
                std::erase_if(m_streamRules, [&](const auto& e) {
                    return e.second.rule.expireTime < purgeBefore;
                });
                std::erase_if(m_cdn,
                              [&](const auto& e) { return e.second.rule.endTime < purgeBefore; });
            } else {
                m_log.warn("rules.purge_failed", {{"error", purged.error().message}});
            }
        }
    }
    std::sort(expiredStreams.begin(), expiredStreams.end());
    expiredStreams.erase(std::unique(expiredStreams.begin(), expiredStreams.end()),
                         expiredStreams.end());
    for (const auto& streamId : expiredStreams) {
        enforceStreamRules(streamId);
    }
    notify(changes);
}

RulesSnapshot RuleService::snapshot() const {
    RulesSnapshot out;
    out.now = m_clock.unixSeconds();
    std::lock_guard lock(m_mutex);
    for (const auto& [key, held] : m_userRules) {
        out.userRules.push_back(held.rule);
    }
    for (const auto& [key, held] : m_streamRules) {
        out.streamRules.push_back(held.rule);
    }
    for (const auto& [key, rule] : m_rtc) {
        out.rtcForbidden.push_back(rule);
    }
    for (const auto& [key, held] : m_cdn) {
        out.cdnForbidden.push_back(held.rule);
    }
    return out;
}

void RuleService::notify(const std::vector<RuleChange>& changes) const {
    if (changes.empty()) {
        return;
    }
    std::function<void(const RuleChange&)> listener;
    {
        std::lock_guard lock(m_mutex);
        listener = m_listener;
    }
    for (const auto& change : changes) {
        m_log.info("rules.changed",
                   {{"kind", kindName(change.rule)}, {"action", actionName(change.action)}});
        if (listener) {
            listener(change);
        }
    }
}

}  // namespace regie::service::rules
