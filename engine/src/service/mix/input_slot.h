#pragma once
// What the mixer holds of one input: its latest decoded picture and its queued audio, with the
// time each last arrived. Filled by the input's decoding thread, read by the task's thread.

#include <chrono>
#include <mutex>

#include "av/audio_queue.h"
#include "av/av_handles.h"

namespace regie::service::mix {

class InputSlot {
public:
    using Clock = std::chrono::steady_clock;

    InputSlot(int sampleRate, int channels);

    void putPicture(const AVFrame& picture);
    void putAudio(const AVFrame& samples);

    // Calls `use` with the latest picture if one arrived within `fresh`.
    template <typename Use>
    bool withPicture(Clock::time_point now, Clock::duration fresh, Use&& use) {
        std::lock_guard lock(m_mutex);
        if (m_picture->data[0] == nullptr || now - m_pictureAt > fresh) {
            return false;
        }
        use(static_cast<const AVFrame&>(*m_picture));
        return true;
    }
    bool hasPicture(Clock::time_point now, Clock::duration fresh) const;
    // Adds `count` samples of this input to `mix` once enough are buffered to ride out
    // network jitter; keeps the backlog bounded. Returns whether the input was heard.
    bool mixAudio(float* const* mix, int count, float gain);
    // Anything (picture or sound) within `fresh`.
    bool alive(Clock::time_point now, Clock::duration fresh) const;

private:
    const int m_sampleRate;
    mutable std::mutex m_mutex;
    av::FramePtr m_picture = av::allocFrame();
    Clock::time_point m_pictureAt{};
    av::AudioQueue m_audio;
    Clock::time_point m_audioAt{};
    bool m_primed = false;
};

}  // namespace regie::service::mix
