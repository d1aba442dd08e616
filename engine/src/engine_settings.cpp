#include "engine_settings.h"

#include <algorithm>
#include <thread>

#include "core/text.h"

namespace regie {

std::size_t threadCount(const core::ConfigSnapshot& c, std::string_view key, double perCore) {
    auto n = c.getInt(key);
    if (n > 0) {
        return static_cast<std::size_t>(n);
    }
    auto cores = static_cast<double>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max<std::size_t>(1, static_cast<std::size_t>(cores * perCore));
}

api::zlm::ZlmDoorSettings zlmSettings(const core::ConfigSnapshot& c) {
    api::zlm::ZlmDoorSettings s;
    s.secret = std::string(c.get("api.secret"));
    s.allowList = api::zlm::IpAllowList::parse(c.get("http.allow_ip_range"));
    s.forwardedIpHeader = std::string(c.get("http.forwarded_ip_header"));
    s.charset = c.get("http.charSet").empty() ? "utf-8" : std::string(c.get("http.charSet"));
    s.apiDebug = c.getBool("api.apiDebug");
    s.notFoundPage = std::string(c.get("http.notFound"));
    return s;
}

api::zego::ZegoDoorSettings zegoSettings(const core::ConfigSnapshot& c, core::Logger& log) {
    api::zego::ZegoDoorSettings s;
    auto appId = core::parseUint64(c.get("zego.appId"));
    if (appId && *appId > 0 && *appId <= 0xFFFFFFFFULL) {
        s.appId = static_cast<std::uint32_t>(*appId);
    } else {
        log.warn("zego.bad_app_id", {{"value", c.get("zego.appId")}});
    }
    s.serverSecret = std::string(c.get("zego.serverSecret"));
    s.rejectReplayedNonce = c.getBool("zego.nonceCheck");
    s.app = std::string(c.get("zego.app"));
    // "Action=rate,Action=rate": app-wide requests per second replacing the published limits.
    std::string_view limits = c.get("zego.rateLimits");
    while (!limits.empty()) {
        auto comma = limits.find(',');
        std::string_view item = core::trim(limits.substr(0, comma));
        limits = comma == std::string_view::npos ? std::string_view{} : limits.substr(comma + 1);
        auto eq = item.find('=');
        if (eq != std::string_view::npos && core::lenientDouble(item.substr(eq + 1)) > 0) {
            s.rateLimits[std::string(core::trim(item.substr(0, eq)))] =
                core::lenientDouble(item.substr(eq + 1));
        }
    }
    return s;
}

service::rooms::RoomSettings roomSettings(const core::ConfigSnapshot& c,
                                          const api::zego::ZegoDoorSettings& zego) {
    service::rooms::RoomSettings s;
    s.appId = zego.appId;
    s.serverSecret = zego.serverSecret;
    s.app = zego.app;
    s.enforcePrivilege = c.getBool("auth.token.enforce_privilege");
    s.heartbeatTimeout = std::chrono::milliseconds(
        std::max<std::int64_t>(1000, c.getInt("room.heartbeatTimeoutMS")));
    s.tokenGrace =
        std::chrono::milliseconds(std::max<std::int64_t>(0, c.getInt("room.tokenGraceMS")));
    return s;
}

media::RegistryTimings registryTimings(const core::ConfigSnapshot& c) {
    media::RegistryTimings t;
    t.continuePush =
        std::chrono::milliseconds(std::max<std::int64_t>(0, c.getInt("protocol.continue_push_ms")));
    t.noReaderDelay = std::chrono::milliseconds(
        std::max<std::int64_t>(0, c.getInt("general.streamNoneReaderDelayMS")));
    t.autoClose = c.getBool("protocol.auto_close");
    return t;
}

http::HttpLimits httpLimits(const core::ConfigSnapshot& c) {
    http::HttpLimits l;
    l.maxBodyBytes =
        static_cast<std::size_t>(std::max<std::int64_t>(0, c.getInt("http.maxReqSize")));
    auto keepAliveMs = static_cast<std::int64_t>(c.getDouble("http.keepAliveSecond") * 1000);
    l.keepAlive = std::chrono::milliseconds(std::max<std::int64_t>(keepAliveMs, 100));
    l.allowCrossDomains = c.getBool("http.allow_cross_domains");
    l.mergeWrite =
        std::chrono::milliseconds(std::max<std::int64_t>(0, c.getInt("general.mergeWriteMS")));
    return l;
}

service::rules::RuleSettings ruleSettings(const core::ConfigSnapshot& c) {
    service::rules::RuleSettings s;
    s.userAndStreamRulesEnabled = c.getBool("rules.enable");
    s.streamApp = std::string(c.get("zego.app"));
    return s;
}

}  // namespace regie
