#include "service/mix/mix_inputs.h"

#include <algorithm>
#include <optional>

#include "protocol/rtmp/rtmp_url.h"

namespace regie::service::mix {

namespace {
constexpr auto kLookupInterval = std::chrono::milliseconds(500);
// Frames waiting to be used; more means the task is far behind, and it starts over at the next
// keyframe. Room for the longest receive buffer (4 s) of a 60 fps input and its sound.
constexpr std::size_t kMaxQueuedFrames = 1200;

// Whether an input whose publish (or pull) URL has the query `query` is aligned by its
// timestamps; alignment=1 flags it for AlignmentType 1 (mix.md local choice).
bool aligned(Alignment alignment, std::string_view query) {
    return alignment == Alignment::all ||
           (alignment == Alignment::flagged && rtmp::queryValue(query, "alignment") == "1");
}

bool alignedUrl(Alignment alignment, std::string_view url) {
    const auto query = url.find('?');
    return aligned(alignment, query == std::string_view::npos ? "" : url.substr(query + 1));
}

std::optional<media::CodecId> codecOf(AVCodecID id) {
    switch (id) {
        case AV_CODEC_ID_H264:
            return media::CodecId::H264;
        case AV_CODEC_ID_HEVC:
            return media::CodecId::H265;
        case AV_CODEC_ID_AAC:
            return media::CodecId::AAC;
        case AV_CODEC_ID_MP3:
            return media::CodecId::MP3;
        default:
            return std::nullopt;
    }
}
}  // namespace

void FrameQueue::restart(bool aligned) {
    std::lock_guard lock(m_mutex);
    m_frames.clear();
    m_timing.restart(aligned);
}

void FrameQueue::push(media::Frame frame) {
    const auto now = InputSlot::Clock::now();
    std::lock_guard lock(m_mutex);
    if (m_frames.size() >= kMaxQueuedFrames) {
        m_frames.clear();
    }
    const auto due = m_timing.due(frame, now);
    m_frames.push_back({due, std::move(frame)});
}

void FrameQueue::take(InputSlot::Clock::time_point now, std::vector<media::Frame>& out) {
    out.clear();
    std::lock_guard lock(m_mutex);
    while (!m_frames.empty() && m_frames.front().due <= now) {
        out.push_back(std::move(m_frames.front().frame));
        m_frames.pop_front();
    }
}

void FrameQueue::clear() {
    std::lock_guard lock(m_mutex);
    m_frames.clear();
}

void FrameIntake::poll(InputSlot::Clock::time_point now, InputSlot& slot) {
    m_queue->take(now, m_taken);
    for (const auto& frame : m_taken) {
        m_forward ? m_forward(frame) : m_decoder.decode(frame, slot);
    }
}

void FrameIntake::reset() {
    m_queue->clear();
    m_decoder.reset();
}

LiveInput::LiveInput(media::SourceRegistry& sources, media::MediaKey key, const InputSetup& setup)
    : MixInput(setup)
    , m_sources(sources)
    , m_key(std::move(key))
    , m_alignment(setup.alignment)
    , m_intake(setup) {}

LiveInput::~LiveInput() {
    detach();
}

void LiveInput::attach() {
    m_source = m_sources.find(m_key);
    if (!m_source) {
        return;
    }
    m_intake.queue()->restart(aligned(m_alignment, m_source->publisher().params));
    m_tap = m_source->addFrameTap(
        [queue = m_intake.queue()](const media::Frame& frame) { queue->push(frame); });
}

void LiveInput::detach() {
    if (m_source) {
        m_source->removeFrameTap(m_tap);
        m_source.reset();
    }
    m_intake.reset();
}

void LiveInput::poll(InputSlot::Clock::time_point now) {
    if (m_source && m_source->closed()) {
        detach();
    }
    if (!m_source && now >= m_nextLookup) {
        m_nextLookup = now + kLookupInterval;
        attach();
    }
    m_intake.poll(now, slot());
}

UrlInput::UrlInput(const std::string& url, const InputSetup& setup)
    : MixInput(setup)
    , m_intake(setup, alignedUrl(setup.alignment, url))
    , m_pull(url, av::StreamPull::Callbacks{
                      {}, {}, [this](const AVPacket& p, const AVCodecParameters& c) {
                          queuePacket(p, c);
                      }}) {}

void UrlInput::poll(InputSlot::Clock::time_point now) {
    m_intake.poll(now, slot());
}

void UrlInput::queuePacket(const AVPacket& packet, const AVCodecParameters& parameters) {
    auto codec = codecOf(parameters.codec_id);
    if (!codec) {
        return;
    }
    media::Frame frame;
    frame.codec = *codec;
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
        m_intake.queue()->push(std::move(header));
    }
    std::span<const std::uint8_t> data(packet.data, static_cast<std::size_t>(packet.size));
    frame.payload = media::BufferRef{media::shareBytes(data), 0, data.size()};
    m_intake.queue()->push(std::move(frame));
}

}  // namespace regie::service::mix
