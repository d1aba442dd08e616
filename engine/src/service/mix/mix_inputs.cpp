#include "service/mix/mix_inputs.h"

#include "protocol/flv/tag_body.h"

namespace regie::service::mix {

namespace {
constexpr auto kLookupInterval = std::chrono::milliseconds(500);
// Frames waiting for the next tick; more means the task is far behind, and it starts over
// at the next keyframe.
constexpr std::size_t kMaxQueuedFrames = 600;
}  // namespace

LiveInput::LiveInput(media::SourceRegistry& sources, media::MediaKey key, int sampleRate,
                     int channels)
    : MixInput(sampleRate, channels), m_sources(sources), m_key(std::move(key)) {}

LiveInput::~LiveInput() {
    detach();
}

void LiveInput::attach() {
    m_source = m_sources.find(m_key);
    if (!m_source) {
        return;
    }
    m_tap = m_source->addFrameTap([queue = m_queue](const media::Frame& frame) {
        std::lock_guard lock(queue->mutex);
        if (queue->frames.size() >= kMaxQueuedFrames) {
            queue->frames.clear();
        }
        queue->frames.push_back(frame);
    });
}

void LiveInput::detach() {
    if (m_source) {
        m_source->removeFrameTap(m_tap);
        m_source.reset();
    }
    m_video.reset();
    m_audio.reset();
    m_waitKeyframe = true;
    std::lock_guard lock(m_queue->mutex);
    m_queue->frames.clear();
}

void LiveInput::poll(InputSlot::Clock::time_point now) {
    if (m_source && m_source->closed()) {
        detach();
    }
    if (!m_source && now >= m_nextLookup) {
        m_nextLookup = now + kLookupInterval;
        attach();
    }
    {
        std::lock_guard lock(m_queue->mutex);
        m_taken.swap(m_queue->frames);
    }
    for (const auto& frame : m_taken) {
        m_forward ? m_forward(frame) : decode(frame);
    }
    m_taken.clear();
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

UrlInput::UrlInput(const std::string& url, int sampleRate, int channels)
    : MixInput(sampleRate, channels)
    , m_pull(url, {[this](AVFrame& f) { slot().putPicture(f); },
                   [this](AVFrame& f) { slot().putAudio(f); }}) {}

}  // namespace regie::service::mix
