#include "av/audio_queue.h"

#include <algorithm>

namespace regie::av {

AudioQueue::AudioQueue(int sampleRate, int channels)
    : m_sampleRate(sampleRate)
    , m_channels(channels)
    , m_fifo(av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, sampleRate)) {
    av_channel_layout_default(&m_outLayout, channels);
    m_converted.resize(static_cast<std::size_t>(channels));
    m_convertedPlanes.resize(static_cast<std::size_t>(channels));
}

AudioQueue::~AudioQueue() {
    av_channel_layout_uninit(&m_inLayout);
    av_channel_layout_uninit(&m_outLayout);
}

core::Status AudioQueue::configureFor(const AVFrame& decoded) {
    if (m_swr && decoded.sample_rate == m_inRate && decoded.format == m_inFormat &&
        av_channel_layout_compare(&decoded.ch_layout, &m_inLayout) == 0) {
        return core::okStatus();
    }
    SwrContext* swr = nullptr;
    int rc = swr_alloc_set_opts2(&swr, &m_outLayout, AV_SAMPLE_FMT_FLTP, m_sampleRate,
                                 // FFmpeg 5.1 takes non-const layouts; it only copies them.
                                 const_cast<AVChannelLayout*>(&decoded.ch_layout),
                                 static_cast<AVSampleFormat>(decoded.format), decoded.sample_rate,
                                 0, nullptr);
    SwrPtr owned(swr);
    if (rc < 0 || (rc = swr_init(swr)) < 0) {
        return core::Error{"could not set up the resampler: " + errorText(rc)};
    }
    m_swr = std::move(owned);
    m_inRate = decoded.sample_rate;
    m_inFormat = decoded.format;
    av_channel_layout_uninit(&m_inLayout);
    av_channel_layout_copy(&m_inLayout, &decoded.ch_layout);
    return core::okStatus();
}

core::Status AudioQueue::push(const AVFrame& decoded) {
    if (!m_fifo) {
        return core::Error{"no audio buffer"};
    }
    if (auto s = configureFor(decoded); !s) {
        return s;
    }
    int capacity = swr_get_out_samples(m_swr.get(), decoded.nb_samples);
    if (capacity <= 0) {
        return core::okStatus();
    }
    for (std::size_t c = 0; c < m_converted.size(); ++c) {
        if (m_converted[c].size() < static_cast<std::size_t>(capacity)) {
            m_converted[c].resize(static_cast<std::size_t>(capacity));
        }
        m_convertedPlanes[c] = m_converted[c].data();
    }
    int produced = swr_convert(
        m_swr.get(), reinterpret_cast<std::uint8_t**>(m_convertedPlanes.data()), capacity,
        const_cast<const std::uint8_t**>(decoded.extended_data), decoded.nb_samples);
    if (produced < 0) {
        return core::Error{"resampling failed: " + errorText(produced)};
    }
    if (produced > 0 &&
        av_audio_fifo_write(m_fifo.get(), reinterpret_cast<void**>(m_convertedPlanes.data()),
                            produced) < produced) {
        return core::Error{"could not queue audio"};
    }
    return core::okStatus();
}

int AudioQueue::available() const {
    return m_fifo ? av_audio_fifo_size(m_fifo.get()) : 0;
}

int AudioQueue::mixInto(float* const* mix, int count, float gain) {
    int n = std::min(count, available());
    if (n <= 0) {
        return 0;
    }
    for (std::size_t c = 0; c < m_converted.size(); ++c) {
        if (m_converted[c].size() < static_cast<std::size_t>(n)) {
            m_converted[c].resize(static_cast<std::size_t>(n));
        }
        m_convertedPlanes[c] = m_converted[c].data();
    }
    n = av_audio_fifo_read(m_fifo.get(), reinterpret_cast<void**>(m_convertedPlanes.data()), n);
    for (std::size_t c = 0; c < m_converted.size(); ++c) {
        const float* in = m_converted[c].data();
        float* out = mix[c];
        for (int i = 0; i < n; ++i) {
            out[i] += in[i] * gain;
        }
    }
    return std::max(n, 0);
}

void AudioQueue::trim(int keep) {
    if (int extra = available() - keep; extra > 0) {
        av_audio_fifo_drain(m_fifo.get(), extra);
    }
}

}  // namespace regie::av
