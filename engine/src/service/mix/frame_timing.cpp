#include "service/mix/frame_timing.h"

#include <algorithm>

namespace regie::service::mix {

namespace {
// An aligned frame this much later than the common delay means the input's timestamps jumped
// (a publisher that started them over): the mapping starts again from it.
constexpr auto kRealign = std::chrono::seconds(2);
}  // namespace

void FrameTiming::restart(bool aligned) {
    m_aligned = aligned;
    m_offset.reset();
}

FrameTiming::Clock::time_point FrameTiming::due(const media::Frame& frame,
                                                Clock::time_point arrived) {
    const bool timed = !frame.config && (frame.kind == media::TrackKind::video ||
                                         frame.kind == media::TrackKind::audio);
    if (!m_aligned) {
        m_lastDue = arrived + m_hold;
    } else if (timed) {
        const auto delay = std::max(m_hold, kAlignDelay);
        const Clock::duration stamp = std::chrono::milliseconds(frame.dts);
        const Clock::duration offset = arrived.time_since_epoch() - stamp;
        if (!m_offset || offset < *m_offset || offset - *m_offset > delay + kRealign) {
            m_offset = offset;
        }
        m_lastDue = Clock::time_point(stamp + *m_offset) + delay;
    }
    // Configurations and metadata go with the frames around them.
    return m_lastDue;
}

}  // namespace regie::service::mix
