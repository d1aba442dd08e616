#include "service/mix/input_slot.h"

namespace regie::service::mix {

namespace {
// An input's sound starts once this much is buffered, and the backlog is kept under the
// bound; both in milliseconds.
constexpr int kPrimeMs = 120;
constexpr int kBacklogMs = 400;
}  // namespace

InputSlot::InputSlot(int sampleRate, int channels)
    : m_sampleRate(sampleRate), m_audio(sampleRate, channels) {}

void InputSlot::putPicture(const AVFrame& picture) {
    std::lock_guard lock(m_mutex);
    av_frame_unref(m_picture.get());
    if (av_frame_ref(m_picture.get(), &picture) >= 0) {
        m_pictureAt = Clock::now();
    }
}

void InputSlot::putAudio(const AVFrame& samples) {
    std::lock_guard lock(m_mutex);
    if (m_audio.push(samples)) {
        m_audioAt = Clock::now();
    }
}

bool InputSlot::mixAudio(float* const* mix, int count, float gain) {
    std::lock_guard lock(m_mutex);
    m_audio.trim(m_sampleRate * kBacklogMs / 1000);
    if (!m_primed && m_audio.available() >= m_sampleRate * kPrimeMs / 1000) {
        m_primed = true;
    }
    if (!m_primed) {
        return false;
    }
    if (m_audio.mixInto(mix, count, gain) < count) {
        m_primed = false;  // ran dry: buffer up again before the next sound
    }
    return true;
}

bool InputSlot::hasPicture(Clock::time_point now, Clock::duration fresh) const {
    std::lock_guard lock(m_mutex);
    return m_picture->data[0] != nullptr && now - m_pictureAt <= fresh;
}

bool InputSlot::alive(Clock::time_point now, Clock::duration fresh) const {
    std::lock_guard lock(m_mutex);
    return now - m_pictureAt <= fresh || now - m_audioAt <= fresh;
}

}  // namespace regie::service::mix
