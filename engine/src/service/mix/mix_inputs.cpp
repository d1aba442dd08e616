#include "service/mix/mix_inputs.h"

#include <algorithm>

#include "protocol/flv/tag_body.h"

namespace regie::service::mix {

namespace {
constexpr auto kLookupInterval = std::chrono::milliseconds(500);
// Frames waiting for the next tick; more means the task is far behind, and it starts over
// at the next keyframe.
constexpr std::size_t kMaxQueuedFrames = 600;
}  // namespace

void FrameQueue::push(media::Frame frame) {
    std::lock_guard lock(m_mutex);
    if (m_frames.size() >= kMaxQueuedFrames) {
        m_frames.clear();
    }
    m_frames.push_back(std::move(frame));
}

void FrameQueue::take(std::vector<media::Frame>& out) {
    out.clear();
    std::lock_guard lock(m_mutex);
    out.swap(m_frames);
}

void FrameQueue::clear() {
    std::lock_guard lock(m_mutex);
    m_frames.clear();
}

LiveInput::LiveInput(media::SourceRegistry& sources, media::MediaKey key, int sampleRate,
                     int channels, Forward forward)
    : MixInput(sampleRate, channels)
    , m_sources(sources)
    , m_key(std::move(key))
    , m_forward(std::move(forward)) {}

LiveInput::~LiveInput() {
    detach();
}

void LiveInput::attach() {
    m_source = m_sources.find(m_key);
    if (!m_source) {
        return;
    }
    m_tap =
        m_source->addFrameTap([queue = m_queue](const media::Frame& frame) { queue->push(frame); });
}

void LiveInput::detach() {
    if (m_source) {
        m_source->removeFrameTap(m_tap);
        m_source.reset();
    }
    m_video.reset();
    m_audio.reset();
    m_waitKeyframe = true;
    m_queue->clear();
}

void LiveInput::poll(InputSlot::Clock::time_point now) {
    if (m_source && m_source->closed()) {
        detach();
    }
    if (!m_source && now >= m_nextLookup) {
        m_nextLookup = now + kLookupInterval;
        attach();
    }
    m_queue->take(m_taken);
    for (const auto& frame : m_taken) {
        m_forward ? m_forward(frame) : decode(frame);
    }
}

void LiveInput::decode(const media::Frame& frame) {
    auto payload = frame.payload.owner ? frame.payload.span() : std::span<const std::uint8_t>{};
    if (frame.kind == media::TrackKind::video) {
        if (frame.config) {
            auto d = av::Decoder::open(frame.codec, payload);
            m_video = d ? std::move(d.value()) : nullptr;
            m_waitKeyframe = true;
            return;
        }
        if (!m_video || (m_waitKeyframe && !frame.keyframe)) {
            return;
        }
        m_waitKeyframe = false;
        m_video->decode(payload, frame.pts, [this](AVFrame& f) { slot().putPicture(f); });
        return;
    }
    if (frame.kind != media::TrackKind::audio) {
        return;
    }
    if (frame.config || (!m_audio && frame.codec != media::CodecId::AAC) ||
        frame.codec != m_audioCodec) {
        int channels = 1;
        if (frame.flvBody) {
            if (auto tag = flv::parseAudioTag(*frame.flvBody, frame.dts)) {
                channels = tag.value().channels > 0 ? tag.value().channels : 1;
            }
        }
        auto d = av::Decoder::open(
            frame.codec, frame.config ? payload : std::span<const std::uint8_t>{}, channels);
        m_audio = d ? std::move(d.value()) : nullptr;
        m_audioCodec = frame.codec;
        if (frame.config) {
            return;
        }
    }
    if (m_audio) {
        m_audio->decode(payload, frame.dts, [this](AVFrame& f) { slot().putAudio(f); });
    }
}

UrlInput::UrlInput(const std::string& url, int sampleRate, int channels, Forward forward)
    : MixInput(sampleRate, channels)
    , m_forward(std::move(forward))
    , m_pull(url,
             m_forward
                 ? av::StreamPull::Callbacks{{},
                                             {},
                                             [this](const AVPacket& p, const AVCodecParameters& c) {
                                                 queuePacket(p, c);
                                             }}
                 : av::StreamPull::Callbacks{[this](AVFrame& f) { slot().putPicture(f); },
                                             [this](AVFrame& f) { slot().putAudio(f); },
                                             {}}) {}

void UrlInput::poll(InputSlot::Clock::time_point) {
    m_queue.take(m_taken);
    for (const auto& frame : m_taken) {
        m_forward(frame);
    }
}

void UrlInput::queuePacket(const AVPacket& packet, const AVCodecParameters& parameters) {
    media::Frame frame;
    switch (parameters.codec_id) {
        case AV_CODEC_ID_H264:
            frame.codec = media::CodecId::H264;
            break;
        case AV_CODEC_ID_AAC:
            frame.codec = media::CodecId::AAC;
            break;
        default:
            return;  // ByPass forwards H.264 and AAC only
    }
    const bool video = parameters.codec_type == AVMEDIA_TYPE_VIDEO;
    frame.kind = video ? media::TrackKind::video : media::TrackKind::audio;
    frame.dts = static_cast<std::uint32_t>(std::max<std::int64_t>(packet.dts, 0));
    frame.pts = static_cast<std::uint32_t>(std::max<std::int64_t>(packet.pts, 0));
    frame.keyframe = (packet.flags & AV_PKT_FLAG_KEY) != 0;

    std::span<const std::uint8_t> config(parameters.extradata,
                                         static_cast<std::size_t>(parameters.extradata_size));
    std::size_t newSize = 0;
    if (const auto* extra = av_packet_get_side_data(&packet, AV_PKT_DATA_NEW_EXTRADATA, &newSize)) {
        config = {extra, newSize};
    }
    auto& sent = m_configs[video ? 0 : 1];
    if (!config.empty() && !std::equal(config.begin(), config.end(), sent.begin(), sent.end())) {
        sent.assign(config.begin(), config.end());
        media::Frame header = frame;
        header.config = true;
        header.payload = media::BufferRef{media::shareBytes(config), 0, config.size()};
        m_queue.push(std::move(header));
    }
    std::span<const std::uint8_t> data(packet.data, static_cast<std::size_t>(packet.size));
    frame.payload = media::BufferRef{media::shareBytes(data), 0, data.size()};
    m_queue.push(std::move(frame));
}

}  // namespace regie::service::mix
