#pragma once
// Plays a stream with libavformat, decodes its video and reads the counter (frame_code.h) of
// every decoded picture as soon as the decoder gives it out.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "frame_code.h"

namespace regie::mix_latency {

struct Observation {
    std::chrono::steady_clock::time_point decoded;
    std::optional<std::uint32_t> counter;  // empty: the rectangle held no readable counter
};

struct PlayRecord {
    std::vector<Observation> observations;  // one per decoded picture, in order
    std::size_t corruptPackets = 0;         // packets the decoder refused as invalid data
};

struct PlayParams {
    std::string url;
    Rect where;  // the published input's rectangle on the played picture
    std::chrono::steady_clock::time_point deadline;
};

// Retries the connection until the stream is there (the mix output appears after StartMix),
// then reads until `stop` is set or the deadline passes. Fills `record`, also when it fails
// midway.
core::Status play(const PlayParams& params, const std::atomic<bool>& stop, PlayRecord& record);

}  // namespace regie::mix_latency
