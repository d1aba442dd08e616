#pragma once
// One mix input's audio: decoded frames of any format, rate and layout are resampled to the
// mix format (planar float at the output rate and channel count) and queued until the mixer
// takes them. Buffers are kept and reused.

#include <cstdint>
#include <vector>

#include "av/av_handles.h"
#include "core/result.h"

namespace regie::av {

class AudioQueue {
public:
    AudioQueue(int sampleRate, int channels);
    ~AudioQueue();
    AudioQueue(const AudioQueue&) = delete;
    AudioQueue& operator=(const AudioQueue&) = delete;

    core::Status push(const AVFrame& decoded);
    int available() const;
    // Adds up to `count` queued samples, times `gain`, to the planar `mix` and removes them;
    // returns how many there were.
    int mixInto(float* const* mix, int count, float gain);
    // Drops the oldest samples so that at most `keep` remain.
    void trim(int keep);

private:
    core::Status configureFor(const AVFrame& decoded);

    int m_sampleRate;
    int m_channels;
    AVChannelLayout m_outLayout{};
    SwrPtr m_swr;
    int m_inRate = 0;
    int m_inFormat = -1;
    AVChannelLayout m_inLayout{};
    AudioFifoPtr m_fifo;
    std::vector<std::vector<float>> m_converted;  // per channel
    std::vector<float*> m_convertedPlanes;
};

}  // namespace regie::av
