#pragma once
// The question every ingest and playback protocol asks before it lets a client publish or
// play: answered (once, on any thread) by the hooks and the ban rules.

#include <chrono>
#include <cstdint>
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

struct AccessVerdict {
    std::optional<std::string> refusal;  // set: refused, with the reason
    // Per-stream settings a publish check may choose (the on_publish reply).
    std::optional<std::chrono::milliseconds> continuePush;
    std::optional<bool> autoClose;

    static AccessVerdict allow() { return {}; }
    static AccessVerdict refuse(std::string reason) { return {std::move(reason), {}, {}}; }
};

// What one session moved, reported when it ends (on_flow_report).
struct FlowReport {
    AccessRequest access;
    std::uint64_t totalBytes = 0;
    std::uint64_t durationSec = 0;
    bool player = false;
};

using AccessAnswer = std::function<void(AccessVerdict)>;
using AccessCheck = std::function<void(const AccessRequest&, AccessAnswer)>;
using FlowReporter = std::function<void(const FlowReport&)>;

// Asks `first`, then `then` only when `first` allowed; a later gate's settings win.
inline AccessCheck chainAccess(AccessCheck first, AccessCheck then) {
    return [first = std::move(first), then = std::move(then)](const AccessRequest& request,
                                                              AccessAnswer answer) {
        first(request, [then, request, answer = std::move(answer)](AccessVerdict verdict) {
            if (verdict.refusal) {
                answer(std::move(verdict));
                return;
            }
            then(request, [verdict, answer](AccessVerdict next) {
                if (!next.continuePush) {
                    next.continuePush = verdict.continuePush;
                }
                if (!next.autoClose) {
                    next.autoClose = verdict.autoClose;
                }
                answer(std::move(next));
            });
        });
    };
}

}  // namespace regie::media
