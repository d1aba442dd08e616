#include "api/zego/zego_responder.h"

#include <atomic>
#include <optional>

namespace regie::api::zego {

namespace {
constexpr int kGatewayInternalError = 100000015;
}

struct ZegoResponder::State {
    ReplySink sink;
    std::string requestId;
    std::atomic<bool> answered{false};
    std::atomic<const FamilyTraits*> traits{nullptr};

    void send(ZegoResult result) {
        if (answered.exchange(true)) {
            return;
        }
        const FamilyTraits* family = traits.load();
        if (result.message.empty()) {
            if (result.code == 0) {
                result.message = family ? family->successMessage : "success";
            } else {
                result.message = "failed";
            }
        }
        sink(renderEnvelope(result, requestId));
    }

    ~State() {
        if (answered.load()) {
            return;
        }
        try {
            const FamilyTraits* family = traits.load();
            send({family ? family->failureCode : kGatewayInternalError,
                  "the request was not answered", std::nullopt});
        } catch (...) {
            // Nothing can be reported from a destructor; the sink itself failed.
        }
    }
};

ZegoResponder::ZegoResponder(ReplySink sink, std::string requestId)
    : m_state(std::make_shared<State>()) {
    m_state->sink = std::move(sink);
    m_state->requestId = std::move(requestId);
}

void ZegoResponder::reply(ZegoResult result) const {
    m_state->send(std::move(result));
}

bool ZegoResponder::answered() const {
    return m_state->answered.load();
}

const std::string& ZegoResponder::requestId() const {
    return m_state->requestId;
}

void ZegoResponder::setFamily(Family family) const {
    m_state->traits = &familyTraits(family);
}

}  // namespace regie::api::zego
