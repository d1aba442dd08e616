#pragma once
// The one-shot answer channel handed to an Action handler. Copyable and callable from any
// thread; the first reply wins, later ones are ignored. If every copy is dropped without a
// reply, the call is answered with the family's failure code so the HTTP session never hangs.

#include <memory>
#include <string>

#include "api/api_call.h"
#include "api/zego/envelope.h"
#include "api/zego/family.h"

namespace regie::api::zego {

class ZegoResponder {
public:
    ZegoResponder(ReplySink sink, std::string requestId);

    // An empty Message becomes the family's success text for Code 0.
    void reply(ZegoResult result) const;
    void operator()(ZegoResult result) const { reply(std::move(result)); }

    bool answered() const;
    const std::string& requestId() const;

private:
    friend class ZegoDoor;
    // Chooses the codes used for an unanswered call; set once the Action is known.
    void setFamily(Family family) const;

    struct State;
    std::shared_ptr<State> m_state;
};

}  // namespace regie::api::zego
