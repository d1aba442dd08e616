#pragma once
// Matches the counters seen in the output with the times they were sent, and summarises the
// latency as one JSON object.

#include <chrono>
#include <string>
#include <vector>

#include "player.h"

namespace regie::mix_latency {

struct LatencyInput {
    std::vector<std::chrono::steady_clock::time_point> sent;  // index = counter
    PlayRecord played;
    // Counters sent earlier than this after the first readable output frame are not measured:
    // they include the output's start-up and the GOP a new player is sent at once.
    std::chrono::milliseconds warmup{3000};
};

// {"published", "outputFrames", "measured", "seen", "missed", "unreadable", "corruptPackets",
//  "latencyMs": {"count", "p50", "p90", "p99", "max"}}; "error" when nothing was readable.
// outputFrames and unreadable count the pictures decoded from the warm-up's end until the last
// frame was sent.
std::string latencyReport(const LatencyInput& input);

}  // namespace regie::mix_latency
