#pragma once
// StartAutoMix's JSON body (mix.md) read into an AutoMixRequest with the codes of the spec,
// through the readers StartMix uses.

#include <boost/json/object.hpp>
#include <optional>
#include <variant>

#include "api/zego/envelope.h"
#include "api/zego/mix_request.h"
#include "service/mix/auto_mixer.h"

namespace regie::api::zego {

std::variant<service::mix::AutoMixRequest, ZegoResult> parseStartAutoMix(
    const boost::json::object& body, const MixLimits& limits);

// A stored StartAutoMix body read again (task resume): the task's request, which `autoMixer`
// follows its room for again; nullopt when the body is no longer accepted.
std::optional<service::mix::MixRequest> rereadAutoMixRequest(const boost::json::object& body,
                                                             const MixLimits& limits,
                                                             service::mix::AutoMixer& autoMixer);

}  // namespace regie::api::zego
