#include "av/stream_push.h"

#include <cstring>

namespace regie::av {

namespace {

// About four seconds of a 2.5 Mbit/s output.
constexpr std::size_t kMaxQueuedBytes = std::size_t{1300} * 1000;

bool setExtradata(AVCodecParameters& par, const std::vector<std::uint8_t>& data) {
    par.extradata =
        static_cast<std::uint8_t*>(av_mallocz(data.size() + AV_INPUT_BUFFER_PADDING_SIZE));
    if (par.extradata == nullptr) {
        return false;
    }
    std::memcpy(par.extradata, data.data(), data.size());
    par.extradata_size = static_cast<int>(data.size());
    return true;
}

}  // namespace

StreamPush::StreamPush(std::string url, std::chrono::milliseconds retryDelay)
    : m_url(std::move(url)), m_retryDelay(retryDelay), m_thread([this] { run(); }) {}

StreamPush::~StreamPush() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

int StreamPush::interrupted(void* self) {
    return static_cast<StreamPush*>(self)->m_stop.load() ? 1 : 0;
}

void StreamPush::setFormat(Format format) {
    {
        std::lock_guard lock(m_mutex);
        m_format = std::move(format);
        ++m_formatGeneration;
        m_queue.clear();
        m_queuedBytes = 0;
        m_waitKeyframe = true;
    }
    m_wake.notify_all();
}

void StreamPush::push(bool video, const EncodedPacket& packet) {
    {
        std::lock_guard lock(m_mutex);
        if (m_waitKeyframe && !(video && packet.keyframe)) {
            return;
        }
        if (m_waitKeyframe) {
            m_waitKeyframe = false;
            m_firstDtsMs = packet.dtsMs;
        }
        // FLV refuses a packet older than the session's first (audio lags video a little).
        if (packet.dtsMs < m_firstDtsMs) {
            return;
        }
        if (m_queuedBytes + packet.data.size() > kMaxQueuedBytes) {
            m_queue.clear();
            m_queuedBytes = 0;
            m_waitKeyframe = true;
            return;
        }
        m_queue.push_back({video,
                           {packet.data.begin(), packet.data.end()},
                           packet.dtsMs,
                           packet.ptsMs,
                           packet.keyframe});
        m_queuedBytes += packet.data.size();
    }
    m_wake.notify_all();
}

void StreamPush::run() {
    while (!m_stop) {
        std::optional<Format> format;
        std::uint64_t generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_format.has_value(); });
            if (m_stop) {
                return;
            }
            format = m_format;
            generation = m_formatGeneration;
        }
        session(*format, generation);
        std::unique_lock lock(m_mutex);
        if (generation == m_formatGeneration) {
            // A failure, not a new format: wait a little, then start again at a keyframe.
            m_wake.wait_for(lock, m_retryDelay, [this] { return m_stop.load(); });
            m_queue.clear();
            m_queuedBytes = 0;
            m_waitKeyframe = true;
        }
    }
}

void StreamPush::session(const Format& format, std::uint64_t generation) {
    AVFormatContext* raw = nullptr;
    if (avformat_alloc_output_context2(&raw, nullptr, "flv", m_url.c_str()) < 0 || raw == nullptr) {
        return;
    }
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> output(
        raw, [](AVFormatContext* c) {
            if (c->pb != nullptr) {
                avio_closep(&c->pb);
            }
            avformat_free_context(c);
        });
    output->interrupt_callback = AVIOInterruptCB{&StreamPush::interrupted, this};
    AVStream* video = avformat_new_stream(output.get(), nullptr);
    AVStream* audio = avformat_new_stream(output.get(), nullptr);
    if (video == nullptr || audio == nullptr) {
        return;
    }
    video->time_base = audio->time_base = AVRational{1, 1000};
    AVCodecParameters& v = *video->codecpar;
    v.codec_type = AVMEDIA_TYPE_VIDEO;
    v.codec_id = AV_CODEC_ID_H264;
    v.width = format.width;
    v.height = format.height;
    video->avg_frame_rate = AVRational{format.fps, 1};
    AVCodecParameters& a = *audio->codecpar;
    a.codec_type = AVMEDIA_TYPE_AUDIO;
    a.codec_id = format.audioCodec == AudioCodec::mp3 ? AV_CODEC_ID_MP3 : AV_CODEC_ID_AAC;
    a.sample_rate = format.sampleRate;
    av_channel_layout_default(&a.ch_layout, format.channels);
    a.frame_size = format.samplesPerFrame;
    if (!setExtradata(v, format.videoConfig) ||
        (!format.audioConfig.empty() && !setExtradata(a, format.audioConfig))) {
        return;
    }
    if (avio_open2(&output->pb, m_url.c_str(), AVIO_FLAG_WRITE, &output->interrupt_callback,
                   nullptr) < 0 ||
        avformat_write_header(output.get(), nullptr) < 0) {
        return;
    }
    PacketPtr packet = allocPacket();
    for (;;) {
        Queued item;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] {
                return m_stop || generation != m_formatGeneration || !m_queue.empty();
            });
            if (m_stop || generation != m_formatGeneration) {
                break;
            }
            item = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedBytes -= item.data.size();
        }
        packet->data = item.data.data();
        packet->size = static_cast<int>(item.data.size());
        packet->stream_index = item.video ? video->index : audio->index;
        packet->dts = item.dtsMs;
        packet->pts = item.ptsMs;
        packet->flags = item.keyframe ? AV_PKT_FLAG_KEY : 0;
        // av_write_frame leaves a non-refcounted packet's data alone.
        if (av_write_frame(output.get(), packet.get()) < 0) {
            return;
        }
    }
    av_write_trailer(output.get());
}

}  // namespace regie::av
