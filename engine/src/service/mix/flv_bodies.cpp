#include "service/mix/flv_bodies.h"

#include <algorithm>

#include "media/codec/aac.h"
#include "media/codec/audio.h"
#include "media/codec/h264.h"
#include "media/codec/h265.h"
#include "media/codec/nalu.h"
#include "media/codec/vp8.h"
#include "protocol/flv/tag_body.h"

namespace regie::service::mix {

core::Result<FlvBody> FlvBodies::body(media::TrackKind kind, media::CodecId codec, bool config,
                                      bool keyframe, std::int64_t dtsMs, std::int64_t ptsMs,
                                      std::span<const std::uint8_t> payload,
                                      const std::vector<media::ByteView>* nals) {
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
    FlvBody out{kind, codec, config, keyframe, dts, pts, {}, head.size()};
    out.bytes.reserve(head.size() + payloadSize);
    out.bytes.insert(out.bytes.end(), head.begin(), head.end());
    if (nals == nullptr) {
        out.bytes.insert(out.bytes.end(), payload.begin(), payload.end());
    } else {
        for (auto nal : *nals) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.bytes.push_back(static_cast<std::uint8_t>(nal.size() >> shift));
            }
            out.bytes.insert(out.bytes.end(), nal.begin(), nal.end());
        }
    }
    return out;
}

core::Result<FlvBodies::VideoConfig> FlvBodies::vp8Config(const av::VideoEncoderParams& params,
                                                          std::int64_t dtsMs) {
    m_videoCodec = av::codecId(params.codec);
    auto made = body(media::TrackKind::video, m_videoCodec, true, true, dtsMs, dtsMs,
                     media::vp8::buildVpConfig(0));
    if (!made) {
        return made.error();
    }
    // libvpx writes bitstream version 0 (the normal loop filter, six-tap interpolation).
    media::TrackInfo info =
        media::vp8::trackInfo({0, params.width, params.height}, static_cast<double>(params.fps));
    return VideoConfig{std::move(made.value()), info};
}

core::Result<FlvBodies::VideoConfig> FlvBodies::videoConfig(const av::VideoEncoderParams& params,
                                                            std::span<const std::uint8_t> annexB,
                                                            std::int64_t dtsMs) {
    if (params.codec == av::VideoCodec::vp8) {
        return vp8Config(params, dtsMs);
    }
    const bool hevc = params.codec == av::VideoCodec::h265;
    std::vector<media::Bytes> vps;
    std::vector<media::Bytes> sps;
    std::vector<media::Bytes> pps;
    std::vector<media::Bytes> sei;
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
    VideoConfig out;
    if (hevc) {
        if (auto parsed = media::h265::parseSps(sps.front())) {
            out.info = media::h265::trackInfo(parsed.value());
        }
    } else if (auto parsed = media::h264::parseSps(sps.front())) {
        out.info = media::h264::trackInfo(parsed.value());
    }
    m_videoCodec = av::codecId(params.codec);
    auto made =
        body(media::TrackKind::video, m_videoCodec, true, true, dtsMs, dtsMs, record.value());
    if (!made) {
        return made.error();
    }
    out.body = std::move(made.value());
    return out;
}

core::Result<FlvBody> FlvBodies::video(const av::EncodedPacket& packet) {
    if (m_videoCodec == media::CodecId::VP8) {
        return body(media::TrackKind::video, m_videoCodec, false, packet.keyframe, packet.dtsMs,
                    packet.ptsMs, packet.data);
    }
    auto nals = media::splitAnnexB(packet.data);
    return body(media::TrackKind::video, m_videoCodec, false, packet.keyframe, packet.dtsMs,
                packet.ptsMs, {}, &nals);
}

core::Result<FlvBodies::AudioConfig> FlvBodies::audioConfig(av::AudioCodec codec, int sampleRate,
                                                            int channels,
                                                            std::span<const std::uint8_t> config) {
    m_sampleRate = sampleRate;
    m_channels = channels;
    m_audioCodec = av::codecId(codec);
    AudioConfig out;
    if (codec == av::AudioCodec::mp3) {
        out.info.codec = m_audioCodec;
        out.info.sampleRate = sampleRate;
        out.info.channels = channels;
        out.info.sampleBit = 16;
        return out;
    }
    if (codec == av::AudioCodec::opus) {
        auto head = media::opus::parseOpusHead(config);
        if (!head) {
            return head.error();
        }
        out.info = media::opus::trackInfo(head.value());
    } else {
        auto asc = media::aac::parseAudioSpecificConfig(config);
        if (!asc) {
            return asc.error();
        }
        out.info = media::aac::trackInfo(asc.value());
    }
    auto made = body(media::TrackKind::audio, m_audioCodec, true, true, 0, 0, config);
    if (!made) {
        return made.error();
    }
    out.body = std::move(made.value());
    return out;
}

core::Result<FlvBody> FlvBodies::audio(const av::EncodedPacket& packet) {
    return body(media::TrackKind::audio, m_audioCodec, false, true, packet.dtsMs, packet.ptsMs,
                packet.data);
}

}  // namespace regie::service::mix
