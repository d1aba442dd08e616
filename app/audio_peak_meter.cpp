#include "audio_peak_meter.h"

#include <algorithm>
#include <cmath>

extern "C" {
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
}

AudioPeakMeter::~AudioPeakMeter() {
    swr_free(&m_swr);
}

QList<float> AudioPeakMeter::peaks(const AVFrame& frame) {
    const int channels = frame.ch_layout.nb_channels;
    if (channels <= 0 || frame.nb_samples <= 0) {
        return {};
    }
    if (!m_swr || frame.format != m_format || frame.sample_rate != m_rate ||
        channels != m_channels) {
        swr_free(&m_swr);
        // FFmpeg 5.1 takes the layouts through non-const pointers.
        AVChannelLayout layout{};
        av_channel_layout_copy(&layout, &frame.ch_layout);
        const int rc = swr_alloc_set_opts2(&m_swr, &layout, AV_SAMPLE_FMT_FLT, frame.sample_rate,
                                           &layout, static_cast<AVSampleFormat>(frame.format),
                                           frame.sample_rate, 0, nullptr);
        av_channel_layout_uninit(&layout);
        if (rc < 0 || swr_init(m_swr) < 0) {
            swr_free(&m_swr);
            return {};
        }
        m_format = frame.format;
        m_rate = frame.sample_rate;
        m_channels = channels;
    }
    m_buffer.resize(qsizetype(frame.nb_samples) * channels);
    auto* out = reinterpret_cast<uint8_t*>(m_buffer.data());
    const int samples =
        swr_convert(m_swr, &out, frame.nb_samples, const_cast<const uint8_t**>(frame.extended_data),
                    frame.nb_samples);
    if (samples < 0) {
        m_buffer.clear();
        return {};
    }
    m_buffer.resize(qsizetype(samples) * channels);
    QList<float> result(channels, 0.0f);
    for (int i = 0; i < samples * channels; ++i) {
        float& peak = result[i % channels];
        peak = std::max(peak, std::min(1.0f, std::fabs(m_buffer.at(i))));
    }
    return result;
}
