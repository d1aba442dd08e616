#include "protocol/rtmpserver/rtmp_ingest.h"

#include "protocol/flv/tag_body.h"
#include "protocol/rtmp/messages.h"

namespace regie::rtmpserver {

namespace {
// Roughly one frame: the first frame of a returning publisher follows the last one seen.
constexpr std::int64_t kResumeGapMs = 40;

// The tracks onMetaData names. A codec id the engine does not know still declares its track;
// the track's first frame tells the codec then.
std::vector<std::pair<media::TrackKind, media::CodecId>> declaredTracks(
    const rtmp::Amf0Value& meta) {
    std::vector<std::pair<media::TrackKind, media::CodecId>> declared;
    if (const auto* id = meta.find("videocodecid"); id != nullptr && !id->isNull()) {
        declared.emplace_back(
            media::TrackKind::video,
            flv::videoCodecOfMetadata(id->asNumber()).value_or(media::CodecId::H264));
    }
    if (const auto* id = meta.find("audiocodecid"); id != nullptr && !id->isNull()) {
        declared.emplace_back(
            media::TrackKind::audio,
            flv::audioCodecOfMetadata(id->asNumber()).value_or(media::CodecId::AAC));
    }
    return declared;
}
}  // namespace

RtmpIngest::RtmpIngest(std::shared_ptr<media::MediaSource> source, bool resumed)
    : m_source(std::move(source)), m_resumed(resumed) {}

std::uint32_t RtmpIngest::timeline(std::uint32_t timestamp) {
    if (!m_offsetKnown) {
        m_offsetKnown = true;
        if (m_resumed) {
            m_offset =
                static_cast<std::int64_t>(m_source->lastInputDts()) + kResumeGapMs - timestamp;
        }
    }
    return static_cast<std::uint32_t>(timestamp + m_offset);
}

core::Status RtmpIngest::onMessage(rtmp::RtmpMessage&& message) {
    auto type = message.header.type();
    if (type == rtmp::MessageType::DataAmf0) {
        auto data = rtmp::parseDataMessage(message);
        if (!data) {
            return data.error();
        }
        auto meta = rtmp::metaDataOf(data.value());
        if (!meta) {
            return core::okStatus();  // |RtmpSampleAccess and other data: not forwarded
        }
        m_source->declareTracks(declaredTracks(*meta));
        media::Frame frame;
        frame.kind = media::TrackKind::metadata;
        frame.flvBody = media::shareBytes(std::move(rtmp::onMetaDataMessage(0, *meta).payload));
        frame.payload = media::BufferRef::whole(frame.flvBody);
        m_source->input(frame);
        return core::okStatus();
    }
    bool video = type == rtmp::MessageType::Video;
    if (!video && type != rtmp::MessageType::Audio) {
        return core::okStatus();
    }
    if (message.payload.empty()) {
        return core::okStatus();
    }
    auto body = media::shareBytes(std::move(message.payload));
    std::uint32_t dts = timeline(message.header.timestamp);
    auto parsed = video ? flv::parseVideoTag(*body, dts) : flv::parseAudioTag(*body, dts);
    if (!parsed) {
        return parsed.error();
    }
    const flv::Frame& tag = parsed.value();
    if (tag.kind != flv::PacketKind::Coded && tag.kind != flv::PacketKind::Config) {
        return core::okStatus();
    }
    media::Frame frame;
    frame.kind = video ? media::TrackKind::video : media::TrackKind::audio;
    frame.codec = tag.codec;
    frame.dts = static_cast<std::uint32_t>(tag.dts);
    frame.pts = static_cast<std::uint32_t>(tag.pts);
    frame.keyframe = tag.keyframe;
    frame.config = tag.isConfig();
    frame.flvBody = body;
    frame.payload = media::BufferRef{
        body, static_cast<std::size_t>(tag.payload.data() - body->data()), tag.payload.size()};
    // Configuration records (and codecs without one, such as G.711) describe the track; VP8's
    // record has no picture size, its key frames do.
    const bool vp8Key = frame.codec == media::CodecId::VP8 && frame.keyframe && !frame.config;
    if (frame.config || (!video && !m_audioDescribed) || vp8Key) {
        if (auto info = flv::trackInfo(tag)) {
            m_audioDescribed |= !video;
            m_source->updateTrack(frame.kind, [&](media::TrackState& t) { t.info = info.value(); });
        }
    }
    m_source->input(frame);
    return core::okStatus();
}

}  // namespace regie::rtmpserver
