#pragma once
// One signed ZEGO Server API call (signature 2.0) over a fresh loopback connection.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "options.h"

namespace regie::room_loadgen {

struct ActionReply {
    int code = -1;              // the envelope's Code
    std::int64_t sentNs = 0;    // just before the request was written (connection open)
    std::int64_t answerNs = 0;  // when the whole reply had been read
};

// The reply, or why there is none. Bounded by a 5 s deadline.
std::variant<ActionReply, std::string> callAction(const Options& options, std::string_view action,
                                                  std::string_view params);

}  // namespace regie::room_loadgen
