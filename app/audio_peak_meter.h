#pragma once

#include <QList>

struct AVFrame;
struct SwrContext;

// Peak level of each channel of decoded audio, any sample format (resampled to float).
class AudioPeakMeter {
public:
    AudioPeakMeter() = default;
    ~AudioPeakMeter();
    AudioPeakMeter(const AudioPeakMeter&) = delete;
    AudioPeakMeter& operator=(const AudioPeakMeter&) = delete;

    // Empty when the frame cannot be read.
    QList<float> peaks(const AVFrame& frame);

private:
    SwrContext* m_swr = nullptr;
    int m_format = -1;
    int m_rate = 0;
    int m_channels = 0;
    QList<float> m_buffer;
};
