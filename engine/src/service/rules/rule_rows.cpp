#include "service/rules/rule_rows.h"

#include <boost/json.hpp>

namespace regie::service::rules {

namespace json = boost::json;

namespace {

constexpr const char* kUser = "user";
constexpr const char* kStream = "stream";
constexpr const char* kRtc = "rtc";
constexpr const char* kCdn = "cdn";

// Keys are JSON arrays so that no id, whatever it contains, can collide with another.
std::string keyOf(const json::array& parts) {
    return json::serialize(parts);
}

core::BanRuleRow identity(const char* kind, std::string key) {
    return {kind, std::move(key), "{}", 0, 0};
}

std::string text(const json::object& o, std::string_view name) {
    const auto* v = o.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::int64_t number(const json::object& o, std::string_view name) {
    const auto* v = o.if_contains(name);
    return v != nullptr && v->is_int64() ? v->get_int64() : 0;
}

}  // namespace

core::BanRuleRow userRuleIdentity(const UserRuleKey& key) {
    return identity(
        kUser, keyOf(json::array{key.type, json::string_view(key.ip), json::string_view(key.roomId),
                                 json::string_view(key.userId)}));
}

core::BanRuleRow streamRuleIdentity(const std::string& roomId, const std::string& streamId) {
    return identity(kStream,
                    keyOf(json::array{json::string_view(roomId), json::string_view(streamId)}));
}

core::BanRuleRow rtcForbidIdentity(const std::string& streamId) {
    return identity(kRtc, streamId);
}

core::BanRuleRow cdnForbidIdentity(const std::string& streamId) {
    return identity(kCdn, streamId);
}

core::BanRuleRow toRow(const UserRule& rule) {
    auto row = userRuleIdentity(rule.key);
    json::array privileges(rule.privileges.begin(), rule.privileges.end());
    row.payload = json::serialize(json::object{{"type", rule.key.type},
                                               {"ip", rule.key.ip},
                                               {"roomId", rule.key.roomId},
                                               {"userId", rule.key.userId},
                                               {"privileges", std::move(privileges)}});
    row.createdAt = rule.createTime;
    row.expiresAt = rule.expireTime;
    return row;
}

core::BanRuleRow toRow(const StreamRule& rule) {
    auto row = streamRuleIdentity(rule.roomId, rule.streamId);
    row.payload = json::serialize(json::object{{"roomId", rule.roomId},
                                               {"streamId", rule.streamId},
                                               {"audio", rule.disableAudio},
                                               {"video", rule.disableVideo}});
    row.createdAt = rule.createTime;
    row.expiresAt = rule.expireTime;
    return row;
}

core::BanRuleRow toRow(const RtcForbid& rule) {
    auto row = rtcForbidIdentity(rule.streamId);
    row.createdAt = rule.since;
    return row;
}

core::BanRuleRow toRow(const CdnForbid& rule) {
    auto row = cdnForbidIdentity(rule.streamId);
    row.createdAt = rule.startTime;
    row.expiresAt = rule.endTime;
    return row;
}

std::optional<AnyRule> fromRow(const core::BanRuleRow& row) {
    if (row.kind == kRtc) {
        return RtcForbid{row.key, row.createdAt};
    }
    if (row.kind == kCdn) {
        return CdnForbid{row.key, row.createdAt, row.expiresAt};
    }
    boost::system::error_code ec;
    auto parsed = json::parse(row.payload, ec);
    if (ec || !parsed.is_object()) {
        return std::nullopt;
    }
    const auto& o = parsed.as_object();
    if (row.kind == kUser) {
        UserRule rule;
        rule.key = {static_cast<int>(number(o, "type")), text(o, "ip"), text(o, "roomId"),
                    text(o, "userId")};
        if (const auto* p = o.if_contains("privileges"); p != nullptr && p->is_array()) {
            for (const auto& v : p->as_array()) {
                if (v.is_int64()) {
                    rule.privileges.push_back(static_cast<int>(v.get_int64()));
                }
            }
        }
        rule.createTime = row.createdAt;
        rule.expireTime = row.expiresAt;
        return rule;
    }
    if (row.kind == kStream) {
        const auto* audio = o.if_contains("audio");
        const auto* video = o.if_contains("video");
        return StreamRule{text(o, "roomId"),
                          text(o, "streamId"),
                          audio != nullptr && audio->is_bool() && audio->get_bool(),
                          video != nullptr && video->is_bool() && video->get_bool(),
                          row.createdAt,
                          row.expiresAt};
    }
    return std::nullopt;
}

}  // namespace regie::service::rules
