#include "api/zego/zego_door.h"

#include <boost/json/parse.hpp>

#include "api/zego/scalars.h"
#include "api/zego/signature.h"

namespace regie::api::zego {

namespace {

constexpr std::int64_t kTimestampWindowSeconds = 600;

ZegoResult failure(int code, std::string message) {
    return {code, std::move(message), std::nullopt};
}

std::optional<std::string_view> nonEmpty(const QueryParams& query, std::string_view name) {
    auto value = query.value(name);
    if (value && value->empty()) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string_view> roomIdOf(const ZegoRequest& request) {
    if (auto fromQuery = nonEmpty(request.query, "RoomId")) {
        return fromQuery;
    }
    if (const auto* fromBody = request.body.if_contains("RoomId");
        fromBody && fromBody->is_string() && !fromBody->get_string().empty()) {
        return std::string_view(fromBody->get_string());
    }
    return std::nullopt;
}

}  // namespace

struct ZegoDoor::Admission {
    std::shared_ptr<const ZegoDoorSettings> settings;
    std::chrono::system_clock::time_point now;
    QueryParams query;
    std::shared_ptr<const ActionSpec> action;
    std::uint32_t appId = 0;
    bool isTest = false;
};

ZegoDoor::ZegoDoor(const core::Clock& clock, ZegoDoorSettings settings)
    : m_clock(clock)
    , m_settings(std::make_shared<const ZegoDoorSettings>(std::move(settings)))
    , m_actions(std::make_shared<const ActionTable>())
    , m_rateLimiter(clock) {}

std::optional<RegisterError> ZegoDoor::registerAction(ActionSpec spec) {
    if (spec.name.empty()) {
        return RegisterError::emptyName;
    }
    if (!spec.handler) {
        return RegisterError::missingHandler;
    }
    const std::lock_guard lock(m_registerMutex);
    const auto current = m_actions.load();
    if (current->contains(spec.name)) {
        return RegisterError::duplicateName;
    }
    auto next = std::make_shared<ActionTable>(*current);
    std::string name = spec.name;
    next->emplace(std::move(name), std::make_shared<const ActionSpec>(std::move(spec)));
    m_actions.store(std::move(next));
    return std::nullopt;
}

std::vector<std::string> ZegoDoor::actionNames() const {
    std::vector<std::string> names;
    for (const auto& [name, spec] : *m_actions.load()) {
        names.push_back(name);
    }
    return names;
}

void ZegoDoor::updateSettings(ZegoDoorSettings settings) {
    m_settings.store(std::make_shared<const ZegoDoorSettings>(std::move(settings)));
}

std::shared_ptr<const ZegoDoorSettings> ZegoDoor::settings() const {
    return m_settings.load();
}

void ZegoDoor::handle(const ApiCall& call, ReplySink sink) {
    const ZegoResponder responder(std::move(sink), m_requestIds.next());
    try {
        Admission admission;
        if (auto error = admit(call, responder, admission)) {
            responder.reply(std::move(*error));
            return;
        }
        dispatch(call, responder, admission);
    } catch (...) {
        responder.reply(failure(100000015, "gateway internal error"));
    }
}

std::optional<ZegoResult> ZegoDoor::admit(const ApiCall& call, const ZegoResponder& responder,
                                          Admission& admission) {
    admission.settings = m_settings.load();
    admission.now = m_clock.wallNow();
    admission.query = QueryParams::parse(call.rawQuery);
    const ZegoDoorSettings& settings = *admission.settings;
    const QueryParams& query = admission.query;

    const auto action = nonEmpty(query, "Action");
    if (!action) {
        return failure(100000006, "Action is empty");
    }
    const auto actions = m_actions.load();
    const auto found = actions->find(*action);
    if (found == actions->end()) {
        return failure(100000007, "Action not supported");
    }
    admission.action = found->second;
    const ActionSpec& spec = *admission.action;
    const FamilyTraits& traits = familyTraits(spec.family);
    responder.setFamily(spec.family);

    const auto appIdText = query.value("AppId");
    const auto appId = appIdText ? parseUInt32(*appIdText) : std::nullopt;
    if (!appId) {
        return failure(100000001, "AppId has a bad format");
    }
    if (settings.appId == 0 || *appId != settings.appId || settings.serverSecret.empty()) {
        return failure(100000010, "could not obtain the ServerSecret, check AppId");
    }
    admission.appId = *appId;

    const auto timestampText = nonEmpty(query, "Timestamp");
    if (!timestampText) {
        return failure(100000002, "Timestamp is empty");
    }
    const auto timestamp = parseInt64(*timestampText);
    if (!timestamp) {
        return failure(100000003, "Timestamp has a bad format, expected Unix seconds");
    }
    const auto nonce = nonEmpty(query, "SignatureNonce");
    if (!nonce) {
        return failure(100000008, "SignatureNonce is empty");
    }
    const auto signature = nonEmpty(query, "Signature");
    if (!signature) {
        return failure(100000009, "Signature is empty");
    }
    const auto version = nonEmpty(query, "SignatureVersion");
    if (!version) {
        return failure(100000013, "SignatureVersion is empty");
    }
    if (*version != "2.0") {
        return failure(100000014, "SignatureVersion not supported, only 2.0");
    }
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(admission.now.time_since_epoch()).count();
    if (*timestamp < now - kTimestampWindowSeconds || *timestamp > now + kTimestampWindowSeconds) {
        return failure(100000004, "signature expired, Timestamp is more than 600 s away");
    }
    const std::string expected =
        computeSignature(std::to_string(*appId), *nonce, settings.serverSecret, *timestampText);
    if (!signatureMatches(expected, *signature)) {
        return failure(100000005, "signature wrong");
    }
    if (settings.rejectReplayedNonce && !m_nonces.insert(*appId, *nonce, *timestamp, now)) {
        return failure(100000005, "signature wrong, SignatureNonce already used");
    }

    if (const auto isTestText = nonEmpty(query, "IsTest")) {
        const auto isTest = parseBoolean(*isTestText);
        if (!isTest) {
            return failure(traits.badIsTestCode, "IsTest must be true or false");
        }
        admission.isTest = *isTest;
    }
    if (!admission.isTest && !settings.hasProductionEnvironment) {
        return failure(100000016, "app has no production environment, check IsTest");
    }

    double rate = admission.isTest && spec.testRatePerSecond > 0 ? spec.testRatePerSecond
                                                                 : spec.ratePerSecond;
    if (const auto configured = settings.rateLimits.find(spec.name);
        configured != settings.rateLimits.end()) {
        rate = configured->second;
    }
    if (!m_rateLimiter.tryAcquire({*appId, admission.isTest, spec.name, {}}, rate)) {
        return failure(spec.throttleCode.value_or(traits.appThrottleCode), "requests too frequent");
    }
    return std::nullopt;
}

void ZegoDoor::dispatch(const ApiCall& call, const ZegoResponder& responder, Admission& admission) {
    const ActionSpec& spec = *admission.action;
    const FamilyTraits& traits = familyTraits(spec.family);

    auto request = std::make_shared<ZegoRequest>();
    request->action = spec.name;
    request->appId = admission.appId;
    request->isTest = admission.isTest;
    request->requestId = responder.requestId();
    request->peerIp = call.peerIp;
    request->receivedAt = admission.now;
    request->query = std::move(admission.query);
    request->settings = std::move(admission.settings);

    if (spec.style == MethodStyle::postJson) {
        boost::system::error_code ec;
        boost::json::value body = boost::json::parse(call.body, ec);
        if (ec || !body.is_object()) {
            responder.reply(failure(traits.parameterErrorCode, "the body must be a JSON object"));
            return;
        }
        request->body = std::move(body.as_object());
    }

    if (spec.roomRatePerSecond > 0) {
        const auto roomId = roomIdOf(*request);
        if (roomId &&
            !m_rateLimiter.tryAcquire({admission.appId, admission.isTest, spec.name, *roomId},
                                      spec.roomRatePerSecond)) {
            responder.reply(failure(traits.roomThrottleCode, "room requests too frequent"));
            return;
        }
    }

    try {
        spec.handler(std::move(request), responder);
    } catch (...) {
        responder.reply(failure(traits.failureCode, "internal error"));
    }
}

}  // namespace regie::api::zego
