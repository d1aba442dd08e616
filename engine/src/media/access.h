#pragma once
// The question every ingest and playback protocol asks before it lets a client publish or
// play: answered (once, on any thread) by the hooks and the ban rules.

#include <functional>
#include <optional>
#include <string>

#include "media/media_key.h"

namespace regie::media {

struct AccessRequest {
    MediaKey key;
    std::string params;  // the URL query
    std::string peerIp;
    int peerPort = 0;
    std::string sessionId;
    std::string protocol;   // "rtmp", "http-flv", "ws-flv"
    std::string originUrl;  // the URL as the client gave it
};

// nullopt: allowed; otherwise the reason for refusing.
using AccessAnswer = std::function<void(std::optional<std::string>)>;
using AccessCheck = std::function<void(const AccessRequest&, AccessAnswer)>;

}  // namespace regie::media
