#pragma once
// The ZLMediaKit API door, `/index/api/<name>` (spec/zlm/README.md): routing (case-insensitive),
// the secret check, required arguments, and the `{code,msg,...}` envelope. Endpoints are
// registered by feature files; the door holds no feature logic.

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/api_call.h"
#include "api/zlm/ip_allow_list.h"
#include "api/zlm/zlm_args.h"
#include "core/log.h"

namespace regie::api::zlm {

enum class ZlmCode : int {
    success = 0,
    otherFailed = -1,
    authFailed = -100,
    sqlFailed = -200,
    invalidArgs = -300,
    exception = -400,
    notFound = -500,
};

// Answers one call; may be used from any thread, once.
class ZlmResponder {
public:
    explicit ZlmResponder(std::function<void(std::string)> send) : m_send(std::move(send)) {}

    // `{"code":0, ...fields}`
    void ok(boost::json::object fields = {}) const;
    // `{"code":<code>,"msg":<msg>, ...fields}`
    void fail(ZlmCode code, std::string_view msg, boost::json::object fields = {}) const;
    // An envelope already serialized (for cached answers).
    void sendSerialized(std::string body) const { m_send(std::move(body)); }

private:
    std::function<void(std::string)> m_send;
};

// Valid only during the handler call: an asynchronous handler copies what it needs.
struct ZlmRequest {
    const ApiCall& call;
    const ZlmArgs& args;
};

struct ZlmEndpoint {
    std::string name;                   // e.g. "getMediaList"
    std::vector<std::string> required;  // in source order, for the missing-argument message
    std::function<void(const ZlmRequest&, ZlmResponder)> handler;
};

struct ZlmDoorSettings {
    std::string secret;
    IpAllowList allowList;
    std::string forwardedIpHeader;
    std::string charset = "utf-8";
    bool apiDebug = false;
    std::string notFoundPage;
};

class ZlmDoor {
public:
    explicit ZlmDoor(core::Logger& log);

    void add(ZlmEndpoint endpoint);
    void updateSettings(ZlmDoorSettings settings);

    static bool isApiPath(std::string_view path);
    void handle(const ApiCall& call, const ReplySink& reply) const;

    // Paths served, sorted in byte order (getApiList).
    std::vector<std::string> apiList() const;

    // The same peer and secret check as every endpoint, for other doors into the engine (the
    // event feed). Returns an envelope on refusal.
    std::optional<boost::json::object> checkSecret(const ApiCall& call, const ZlmArgs& args) const;

private:
    const ZlmEndpoint* find(std::string_view path) const;
    std::shared_ptr<const ZlmDoorSettings> settings() const;

    core::Logger& m_log;
    std::vector<ZlmEndpoint> m_endpoints;
    mutable std::mutex m_mutex;
    std::shared_ptr<const ZlmDoorSettings> m_settings;
};

}  // namespace regie::api::zlm
