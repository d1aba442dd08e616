#include "service/mix/output_stream.h"

#include <algorithm>
#include <optional>

#include "media/codec/aac.h"
#include "media/codec/h264.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"
#include "protocol/flv/tag_body.h"

namespace regie::service::mix {

OutputStream::OutputStream(std::shared_ptr<media::MediaSource> source)
    : m_source(std::move(source)) {}

core::Status OutputStream::send(media::TrackKind kind, media::CodecId codec, bool config,
                                bool keyframe, std::int64_t dtsMs, std::int64_t ptsMs,
                                std::span<const std::uint8_t> payload,
                                const std::vector<media::ByteView>* nals) {
    // Timestamps never go back, whatever an encoder restart does.
    std::uint32_t& last = kind == media::TrackKind::video ? m_lastVideoDts : m_lastAudioDts;
    auto dts = std::max(last, static_cast<std::uint32_t>(std::max<std::int64_t>(dtsMs, 0)));
    auto pts = std::max(dts, static_cast<std::uint32_t>(std::max<std::int64_t>(ptsMs, 0)));
    last = dts;

    flv::Frame tag;
    tag.track = kind == media::TrackKind::video ? media::TrackType::Video : media::TrackType::Audio;
    tag.codec = codec;
    tag.kind = config ? flv::PacketKind::Config : flv::PacketKind::Coded;
    tag.keyframe = keyframe;
    tag.dts = dts;
    tag.pts = pts;
    tag.payload = payload;
    tag.sampleRate = m_sampleRate;
    tag.channels = m_channels;
    auto prefix = flv::buildBodyPrefix(tag, flv::HevcMode::LegacyCodecId12);
    if (!prefix) {
        return prefix.error();
    }
    auto head = prefix.value().view();
    std::size_t payloadSize = payload.size();
    if (nals != nullptr) {
        payloadSize = 0;
        for (auto nal : *nals) {
            payloadSize += 4 + nal.size();
        }
    }
    // The one copy of the frame: every muxer and player shares it from here on.
    media::Bytes body;
    body.reserve(head.size() + payloadSize);
    body.insert(body.end(), head.begin(), head.end());
    if (nals == nullptr) {
        body.insert(body.end(), payload.begin(), payload.end());
    } else {
        for (auto nal : *nals) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                body.push_back(static_cast<std::uint8_t>(nal.size() >> shift));
            }
            body.insert(body.end(), nal.begin(), nal.end());
        }
    }
    auto shared = media::shareBytes(std::move(body));

    media::Frame frame;
    frame.kind = kind;
    frame.codec = codec;
    frame.dts = dts;
    frame.pts = pts;
    frame.keyframe = keyframe;
    frame.config = config;
    frame.flvBody = shared;
    frame.payload = media::BufferRef{shared, head.size(), payloadSize};
    m_source->input(frame);
    return core::okStatus();
}

core::Status OutputStream::videoConfig(const av::VideoEncoderParams& params,
                                       std::span<const std::uint8_t> annexB, std::int64_t dtsMs) {
    const bool hevc = params.codec == av::VideoCodec::h265;
    std::vector<media::Bytes> vps;
    std::vector<media::Bytes> sps;
    std::vector<media::Bytes> pps;
    std::vector<media::Bytes> sei;  // H.265: x265's header SEI, which names its options
    for (auto nal : media::splitAnnexB(annexB)) {
        if (nal.empty() || (hevc && nal.size() < 2)) {
            continue;
        }
        std::vector<media::Bytes>* sets = nullptr;
        if (hevc) {
            auto type = media::h265::nalType(nal[0]);
            sets = type == media::h265::NalType::Vps         ? &vps
                   : type == media::h265::NalType::Sps       ? &sps
                   : type == media::h265::NalType::Pps       ? &pps
                   : type == media::h265::NalType::SeiPrefix ? &sei
                                                             : nullptr;
        } else {
            auto type = media::h264::nalType(nal[0]);
            sets = type == media::h264::NalType::Sps   ? &sps
                   : type == media::h264::NalType::Pps ? &pps
                                                       : nullptr;
        }
        if (sets != nullptr) {
            sets->emplace_back(nal.begin(), nal.end());
        }
    }
    if (sps.empty() || pps.empty() || (hevc && vps.empty())) {
        return core::Error{"the encoder gave no parameter sets"};
    }
    auto record = hevc ? media::h265::buildHevcConfig(vps, sps, pps, sei)
                       : media::h264::buildAvcConfig(sps, pps);
    if (!record) {
        return record.error();
    }
    std::optional<media::TrackInfo> info;
    if (hevc) {
        if (auto parsed = media::h265::parseSps(sps.front())) {
            info = media::h265::trackInfo(parsed.value());
        }
    } else if (auto parsed = media::h264::parseSps(sps.front())) {
        info = media::h264::trackInfo(parsed.value());
    }
    if (info) {
        m_source->updateTrack(media::TrackKind::video,
                              [&](media::TrackState& t) { t.info = *info; });
    }
    m_videoCodec = hevc ? media::CodecId::H265 : media::CodecId::H264;
    return send(media::TrackKind::video, m_videoCodec, true, true, dtsMs, dtsMs, record.value());
}

core::Status OutputStream::video(const av::EncodedPacket& packet) {
    auto nals = media::splitAnnexB(packet.data);
    return send(media::TrackKind::video, m_videoCodec, false, packet.keyframe, packet.dtsMs,
                packet.ptsMs, {}, &nals);
}

core::Status OutputStream::audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                                       std::span<const std::uint8_t> config) {
    m_sampleRate = sampleRate;
    m_channels = channels;
    if (codec == av::AudioCodec::mp3) {
        // MP3 has no configuration record: each frame's header says it all.
        m_audioCodec = media::CodecId::MP3;
        media::TrackInfo info;
        info.codec = media::CodecId::MP3;
        info.sampleRate = sampleRate;
        info.channels = channels;
        info.sampleBit = 16;
        m_source->updateTrack(media::TrackKind::audio,
                              [&](media::TrackState& t) { t.info = info; });
        return core::okStatus();
    }
    auto asc = media::aac::parseAudioSpecificConfig(config);
    if (!asc) {
        return asc.error();
    }
    auto info = media::aac::trackInfo(asc.value());
    m_source->updateTrack(media::TrackKind::audio, [&](media::TrackState& t) { t.info = info; });
    m_audioCodec = media::CodecId::AAC;
    return send(media::TrackKind::audio, media::CodecId::AAC, true, true, 0, 0, config);
}

core::Status OutputStream::audio(const av::EncodedPacket& packet) {
    return send(media::TrackKind::audio, m_audioCodec, false, true, packet.dtsMs, packet.ptsMs,
                packet.data);
}

}  // namespace regie::service::mix
