#pragma once
// StartCloudTranscode's JSON body (mix.md) read into a TranscodeRequest, with the spec's checks
// and codes; TemplateId 0-3 become the custom settings they stand for.

#include <boost/json/object.hpp>
#include <variant>

#include "api/zego/envelope.h"
#include "api/zego/mix_request.h"
#include "service/mix/transcode.h"

namespace regie::api::zego {

// The request, or the error answer.
std::variant<service::mix::TranscodeRequest, ZegoResult> parseStartCloudTranscode(
    const boost::json::object& body, const MixLimits& limits);

}  // namespace regie::api::zego
