#include "api/zlm/zlm_door.h"

#include <algorithm>
#include <boost/json.hpp>

#include "core/text.h"

namespace regie::api::zlm {

namespace json = boost::json;

namespace {
constexpr std::string_view kApiPrefix = "/index/api/";
constexpr std::string_view kIndexAlias = "/index/";

// Baseline ZLMediaKit messages (spec/zlm/README.md §2, §4).
constexpr std::string_view kIpNotAllowed = "Your ip is not allowed to access the service.";
constexpr std::string_view kWrongSecret = "secret\xE9\x94\x99\xE8\xAF\xAF";  // secret错误
constexpr std::string_view kMissingArgs =
    "\xE7\xBC\xBA\xE5\xB0\x91\xE5\xBF\x85\xE8\xA6\x81\xE5\x8F\x82\xE6\x95\xB0:";  // 缺少必要参数:

json::object envelope(ZlmCode code, std::string_view msg) {
    json::object o;
    o["code"] = static_cast<int>(code);
    o["msg"] = msg;
    return o;
}

std::string missingArgsMessage(const std::vector<std::string>& names) {
    std::string msg(kMissingArgs);
    for (std::size_t i = 0; i < names.size(); ++i) {
        msg += (i == 0 ? "\"" : ",\"") + names[i] + "\"";
    }
    return msg;
}
}  // namespace

void ZlmResponder::ok(json::object fields) const {
    json::object o;
    o["code"] = 0;
    for (auto& kv : fields) {
        o[kv.key()] = std::move(kv.value());
    }
    m_send(json::serialize(o));
}

void ZlmResponder::fail(ZlmCode code, std::string_view msg, json::object fields) const {
    json::object o = envelope(code, msg);
    for (auto& kv : fields) {
        o[kv.key()] = std::move(kv.value());
    }
    m_send(json::serialize(o));
}

ZlmDoor::ZlmDoor(core::Logger& log)
    : m_log(log), m_settings(std::make_shared<const ZlmDoorSettings>()) {}

void ZlmDoor::add(ZlmEndpoint endpoint) {
    m_endpoints.push_back(std::move(endpoint));
}

void ZlmDoor::updateSettings(ZlmDoorSettings settings) {
    auto s = std::make_shared<const ZlmDoorSettings>(std::move(settings));
    std::lock_guard lock(m_mutex);
    m_settings = std::move(s);
}

std::shared_ptr<const ZlmDoorSettings> ZlmDoor::settings() const {
    std::lock_guard lock(m_mutex);
    return m_settings;
}

bool ZlmDoor::isApiPath(std::string_view path) {
    return path == kIndexAlias || (path.size() > kApiPrefix.size() &&
                                   core::iequals(path.substr(0, kApiPrefix.size()), kApiPrefix));
}

const ZlmEndpoint* ZlmDoor::find(std::string_view path) const {
    std::string_view name =
        path == kIndexAlias ? std::string_view("getApiList") : path.substr(kApiPrefix.size());
    for (const auto& e : m_endpoints) {
        if (core::iequals(e.name, name)) {
            return &e;
        }
    }
    return nullptr;
}

std::vector<std::string> ZlmDoor::apiList() const {
    std::vector<std::string> paths{std::string(kIndexAlias)};
    for (const auto& e : m_endpoints) {
        paths.push_back(std::string(kApiPrefix) + e.name);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::optional<json::object> ZlmDoor::checkSecret(const ApiCall& call, const ZlmArgs& args) const {
    auto s = settings();
    std::string peer = call.peerIp;
    if (!s->forwardedIpHeader.empty()) {
        std::string_view forwarded = core::trim(call.header(s->forwardedIpHeader));
        if (!forwarded.empty()) {
            peer = std::string(forwarded);
        }
    }
    if (!s->allowList.allows(peer)) {
        return envelope(ZlmCode::authFailed, kIpNotAllowed);
    }
    std::string secret = args.get("secret");
    if (secret.empty()) {
        return envelope(ZlmCode::invalidArgs, missingArgsMessage({"secret"}));
    }
    if (secret != s->secret) {
        return envelope(ZlmCode::authFailed, kWrongSecret);
    }
    return std::nullopt;
}

void ZlmDoor::handle(const ApiCall& call, const ReplySink& reply) const {
    auto s = settings();
    const ZlmEndpoint* endpoint = find(call.path);
    if (endpoint == nullptr) {
        ApiReply notFound;
        notFound.status = 404;
        if (call.method == "GET") {
            notFound.contentType = "text/html; charset=" + s->charset;
            notFound.body = s->notFoundPage;
        } else {
            notFound.contentType.clear();
        }
        reply(std::move(notFound));
        return;
    }

    std::string contentType = "application/json; charset=" + s->charset;
    bool debug = s->apiDebug && m_log.enabled(core::LogLevel::debug);
    auto send = [reply, contentType, debug, this, name = endpoint->name](std::string body) {
        ApiReply r;
        r.contentType = contentType;
        r.body = std::move(body);
        if (debug) {
            m_log.debug("zlm.api", {{"endpoint", name}, {"response", r.body.substr(0, 4096)}});
        }
        reply(std::move(r));
    };
    ZlmResponder responder(send);

    ZlmArgs args = ZlmArgs::fromCall(call);
    if (debug) {
        m_log.debug("zlm.api", {{"endpoint", endpoint->name},
                                {"method", call.method},
                                {"peer", call.peerIp},
                                {"query", call.rawQuery},
                                {"body", call.body.substr(0, 4096)}});
    }
    if (auto refusal = checkSecret(call, args)) {
        send(json::serialize(*refusal));
        return;
    }
    for (const auto& name : endpoint->required) {
        if (!args.has(name)) {
            responder.fail(ZlmCode::invalidArgs, missingArgsMessage(endpoint->required));
            return;
        }
    }
    try {
        endpoint->handler(ZlmRequest{call, args}, responder);
    } catch (const std::exception& e) {
        responder.fail(ZlmCode::exception, e.what());
    }
}

}  // namespace regie::api::zlm
