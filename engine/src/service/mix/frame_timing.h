#pragma once
// When a mix input's frame may be used (mix.md: receive buffer, alignment). Unaligned: a fixed
// hold after it arrived. Aligned: by its own timestamp on the engine's clock, mapped through the
// least-delayed frame seen (arrival - timestamp at its smallest), plus a common delay; so a frame
// the network held up waits that much less, and inputs play out as their publishers captured
// them. Not thread-safe (FrameQueue guards it).

#include <chrono>
#include <optional>

#include "media/frame.h"

namespace regie::service::mix {

// AlignmentType 1 and 2: the least delay aligned inputs are played out with, when
// RecvBufferLevel is shorter.
inline constexpr std::chrono::milliseconds kAlignDelay{300};

class FrameTiming {
public:
    using Clock = std::chrono::steady_clock;

    explicit FrameTiming(std::chrono::milliseconds hold) : m_hold(hold) {}

    // A new publisher: its timestamps start over, aligned by them or not.
    void restart(bool aligned);
    Clock::time_point due(const media::Frame& frame, Clock::time_point arrived);

private:
    const std::chrono::milliseconds m_hold;
    bool m_aligned = false;
    // Aligned: arrival - timestamp of the least-delayed frame since the restart.
    std::optional<Clock::duration> m_offset;
    Clock::time_point m_lastDue{};
};

}  // namespace regie::service::mix
