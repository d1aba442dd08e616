#pragma once

#include <QList>

struct AVFrame;
struct SwrContext;

// Peak level of each channel of decoded audio, any sample format (converted to interleaved
// float, which samples() then holds for whoever also wants to hear it).
class AudioPeakMeter {
public:
    AudioPeakMeter() = default;
    ~AudioPeakMeter();
    AudioPeakMeter(const AudioPeakMeter&) = delete;
    AudioPeakMeter& operator=(const AudioPeakMeter&) = delete;

    // Empty when the frame cannot be read.
    QList<float> peaks(const AVFrame& frame);
    // The last frame's samples, interleaved float, at its own rate and channel count.
    const QList<float>& samples() const { return m_buffer; }
    int sampleRate() const { return m_rate; }
    int channels() const { return m_channels; }

private:
    SwrContext* m_swr = nullptr;
    int m_format = -1;
    int m_rate = 0;
    int m_channels = 0;
    QList<float> m_buffer;
};
