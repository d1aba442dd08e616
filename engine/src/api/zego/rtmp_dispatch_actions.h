#pragma once
// RTMPDispatchV2 and its legacy twin RTMPDispatch (media-service.md): hand out the engine's
// own RTMP listener as the publish/play node for a stream id.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "api/zego/zego_door.h"

namespace regie::api::zego {

struct RtmpEndpoint {
    std::string host;
    std::uint16_t port = 1935;
};

// "host:port", with an IPv6 host in brackets.
std::string hostPort(const RtmpEndpoint& endpoint);

// The engine's bound RTMP listener, or nullopt while there is none.
using RtmpEndpointSource = std::function<std::optional<RtmpEndpoint>()>;

// Registers both Actions; the first registration error, if any, is returned.
std::optional<RegisterError> registerRtmpDispatchActions(ZegoDoor& door,
                                                         RtmpEndpointSource endpoint);

}  // namespace regie::api::zego
