#pragma once
// The ZEGO Server API v2 gateway for `/?Action=<Name>`: runs the public checks in the order of
// calling.md §4.1, then the Action's rate limit, then its handler. Transport-neutral; `handle`
// may be called concurrently from any thread and never blocks on I/O.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "api/api_call.h"
#include "api/zego/nonce_cache.h"
#include "api/zego/rate_limiter.h"
#include "api/zego/request_id.h"
#include "api/zego/zego_action.h"
#include "api/zego/zego_door_settings.h"
#include "core/clock.h"

namespace regie::api::zego {

enum class RegisterError { emptyName, missingHandler, duplicateName };

class ZegoDoor {
public:
    explicit ZegoDoor(const core::Clock& clock, ZegoDoorSettings settings = {});

    // Safe while calls are being served.
    std::optional<RegisterError> registerAction(ActionSpec spec);
    std::vector<std::string> actionNames() const;

    void updateSettings(ZegoDoorSettings settings);
    std::shared_ptr<const ZegoDoorSettings> settings() const;

    void handle(const ApiCall& call, ReplySink sink);

private:
    using ActionTable = std::map<std::string, std::shared_ptr<const ActionSpec>, std::less<>>;

    struct Admission;
    // The gateway checks; a result is the error to answer with.
    std::optional<ZegoResult> admit(const ApiCall& call, const ZegoResponder& responder,
                                    Admission& admission);
    void dispatch(const ApiCall& call, const ZegoResponder& responder, Admission& admission);

    const core::Clock& m_clock;
    std::atomic<std::shared_ptr<const ZegoDoorSettings>> m_settings;
    std::atomic<std::shared_ptr<const ActionTable>> m_actions;
    std::mutex m_registerMutex;
    NonceCache m_nonces;
    RateLimiter m_rateLimiter;
    RequestIdGenerator m_requestIds;
};

}  // namespace regie::api::zego
