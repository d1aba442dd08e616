#include "protocol/rtmpserver/rtmp_ingest.h"

#include "media/codec/aac.h"
#include "media/codec/h264.h"
#include "media/codec/h265.h"
#include "protocol/flv/tag_body.h"
#include "protocol/rtmp/messages.h"

namespace regie::rtmpserver {

namespace {
// Roughly one frame: the first frame of a returning publisher follows the last one seen.
constexpr std::int64_t kResumeGapMs = 40;
}  // namespace

RtmpIngest::RtmpIngest(std::shared_ptr<media::MediaSource> source, bool resumed)
    : m_source(std::move(source)), m_resumed(resumed) {}

std::uint32_t RtmpIngest::timeline(std::uint32_t timestamp) {
    if (!m_offsetKnown) {
        m_offsetKnown = true;
        if (m_resumed) {
            m_offset = static_cast<std::int64_t>(m_source->lastInputDts()) + kResumeGapMs - timestamp;
        }
    }
    return static_cast<std::uint32_t>(timestamp + m_offset);
}

void RtmpIngest::readConfig(media::TrackKind kind, media::CodecId codec, media::ByteView record) {
    std::optional<media::TrackInfo> info;
    if (codec == media::CodecId::H264) {
        if (auto avc = media::h264::parseAvcConfig(record); avc && !avc.value().sps.empty()) {
            if (auto sps = media::h264::parseSps(avc.value().sps.front())) {
                info = media::h264::trackInfo(sps.value());
            }
        }
    } else if (codec == media::CodecId::H265) {
        if (auto hvc = media::h265::parseHevcConfig(record)) {
            const auto* spsList = hvc.value().units(media::h265::NalType::Sps);
            const auto* vpsList = hvc.value().units(media::h265::NalType::Vps);
            if (spsList != nullptr && !spsList->empty()) {
                std::optional<media::h265::Vps> vps;
                if (vpsList != nullptr && !vpsList->empty()) {
                    if (auto v = media::h265::parseVps(vpsList->front())) {
                        vps = v.value();
                    }
                }
                if (auto sps = media::h265::parseSps(spsList->front())) {
                    info = media::h265::trackInfo(sps.value(), vps ? &*vps : nullptr);
                }
            }
        }
    } else if (codec == media::CodecId::AAC) {
        if (auto asc = media::aac::parseAudioSpecificConfig(record)) {
            info = media::aac::trackInfo(asc.value());
        }
    }
    if (info) {
        m_source->updateTrack(kind, [&](media::TrackState& t) { t.info = *info; });
    }
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
        media::Frame frame;
        frame.kind = media::TrackKind::metadata;
        frame.flvBody = media::shareBytes(
            std::move(rtmp::onMetaDataMessage(0, *meta).payload));
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
    if (frame.config) {
        readConfig(frame.kind, frame.codec, tag.payload);
    } else if (!video && tag.sampleRate > 0) {
        m_source->updateTrack(frame.kind, [&](media::TrackState& t) {
            if (t.info.sampleRate == 0) {
                t.info.codec = tag.codec;
                t.info.sampleRate = tag.sampleRate;
                t.info.channels = tag.channels;
                t.info.sampleBit = 16;
            }
        });
    }
    m_source->input(frame);
    return core::okStatus();
}

}  // namespace regie::rtmpserver
