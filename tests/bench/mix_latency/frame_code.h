#pragma once
// A frame counter drawn into a picture as large black and white blocks, so that it survives
// scaling into a mix tile and two lossy encodings, and read back from a rectangle of another
// picture.

extern "C" {
#include <libavutil/frame.h>
}

#include <cstdint>
#include <optional>

namespace regie::mix_latency {

struct Rect {
    int left = 0;
    int top = 0;
    int width = 0;
    int height = 0;
};

// Counters wrap at this value.
inline constexpr std::uint32_t kCounterLimit = 1U << 16;

// Fills a YUV420P frame with the blocks of `counter` (taken modulo kCounterLimit).
void drawCode(AVFrame& frame, std::uint32_t counter);

// The counter shown in `where` of a YUV420P frame, or nothing when its check bits disagree
// (the tile shows the background, a half-decoded picture or something else).
std::optional<std::uint32_t> readCode(const AVFrame& frame, const Rect& where);

}  // namespace regie::mix_latency
