#pragma once
// StartMix's JSON body (mix.md) read into a MixRequest, with every parameter check and code of
// the spec that concerns what the engine implements. Features it does not implement yet are
// refused with their closest code and a Message that says so, never silently ignored.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <variant>

#include "api/zego/envelope.h"
#include "service/mix/mix_layout.h"

namespace regie::api::zego {

struct MixLimits {
    int maxFps = 20;
    bool sequenceRequired = false;
};

// The request, or the error answer.
std::variant<service::mix::MixRequest, ZegoResult> parseStartMix(const boost::json::object& body,
                                                                 const MixLimits& limits);

}  // namespace regie::api::zego
