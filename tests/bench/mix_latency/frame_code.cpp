#include "frame_code.h"

#include <cstring>

namespace regie::mix_latency {

namespace {

// 16 counter bits and 8 check bits on a 6x4 grid of blocks; a 640x360 tile still gives each
// block about 100x90 pixels.
constexpr int kColumns = 6;
constexpr int kRows = 4;
constexpr int kCounterBits = 16;
constexpr std::uint8_t kLumaZero = 16;
constexpr std::uint8_t kLumaOne = 235;
constexpr int kLumaThreshold = (kLumaZero + kLumaOne) / 2;
constexpr std::uint32_t kCheckSalt = 0x5A;

// The salt is neither 0x00 nor 0xFF, so an all-black or all-white tile fails the check.
std::uint32_t checkBits(std::uint32_t counter) {
    return ((counter & 0xFF) ^ (counter >> 8) ^ kCheckSalt) & 0xFF;
}

std::uint32_t word(std::uint32_t counter) {
    return counter | (checkBits(counter) << kCounterBits);
}

// Mean luma of the middle half of block `bit` of `where`, away from edges that scaling and
// encoding blur.
int blockLuma(const AVFrame& frame, const Rect& where, int bit) {
    const int column = bit % kColumns;
    const int row = bit / kColumns;
    const int x0 = where.left + (4 * column + 1) * where.width / (4 * kColumns);
    const int x1 = where.left + (4 * column + 3) * where.width / (4 * kColumns);
    const int y0 = where.top + (4 * row + 1) * where.height / (4 * kRows);
    const int y1 = where.top + (4 * row + 3) * where.height / (4 * kRows);
    long sum = 0;
    for (int y = y0; y < y1; ++y) {
        const std::uint8_t* line =
            frame.data[0] + static_cast<std::ptrdiff_t>(y) * frame.linesize[0];
        for (int x = x0; x < x1; ++x) {
            sum += line[x];
        }
    }
    const long count = static_cast<long>(x1 - x0) * (y1 - y0);
    return count > 0 ? static_cast<int>(sum / count) : 0;
}

}  // namespace

void drawCode(AVFrame& frame, std::uint32_t counter) {
    const std::uint32_t bits = word(counter % kCounterLimit);
    for (int y = 0; y < frame.height; ++y) {
        std::uint8_t* line = frame.data[0] + static_cast<std::ptrdiff_t>(y) * frame.linesize[0];
        const int row = y * kRows / frame.height;
        for (int column = 0; column < kColumns; ++column) {
            const int x0 = column * frame.width / kColumns;
            const int x1 = (column + 1) * frame.width / kColumns;
            const bool one = ((bits >> (row * kColumns + column)) & 1U) != 0;
            std::memset(line + x0, one ? kLumaOne : kLumaZero, static_cast<std::size_t>(x1 - x0));
        }
    }
    for (int plane = 1; plane <= 2; ++plane) {
        for (int y = 0; y < (frame.height + 1) / 2; ++y) {
            std::memset(frame.data[plane] + static_cast<std::ptrdiff_t>(y) * frame.linesize[plane],
                        128, static_cast<std::size_t>((frame.width + 1) / 2));
        }
    }
}

std::optional<std::uint32_t> readCode(const AVFrame& frame, const Rect& where) {
    if (where.left < 0 || where.top < 0 || where.width < 4 * kColumns || where.height < 4 * kRows ||
        where.left + where.width > frame.width || where.top + where.height > frame.height) {
        return std::nullopt;
    }
    std::uint32_t bits = 0;
    for (int bit = 0; bit < kColumns * kRows; ++bit) {
        if (blockLuma(frame, where, bit) > kLumaThreshold) {
            bits |= 1U << bit;
        }
    }
    const std::uint32_t counter = bits & (kCounterLimit - 1);
    if ((bits >> kCounterBits) != checkBits(counter)) {
        return std::nullopt;
    }
    return counter;
}

}  // namespace regie::mix_latency
