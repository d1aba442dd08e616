#pragma once
// The JSON envelope every ZEGO answer travels in:
// {"Code":..,"Message":..,"RequestId":"<decimal>","Data":..}, always HTTP 200.

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/api_call.h"

namespace regie::api::zego {

struct ZegoResult {
    int code = 0;
    std::string message;
    // Rendered only when code is 0; a null value renders as "Data":null.
    std::optional<boost::json::value> data;
};

ApiReply renderEnvelope(const ZegoResult& result, std::string_view requestId);

}  // namespace regie::api::zego
