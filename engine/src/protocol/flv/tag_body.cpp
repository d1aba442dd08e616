#include "protocol/flv/tag_body.h"

#include <algorithm>
#include <string>

#include "media/codec/aac.h"
#include "media/codec/audio.h"
#include "media/codec/h264.h"
#include "media/codec/h265.h"
#include "media/codec/vp8.h"

namespace regie::flv {

namespace {

using media::CodecId;

constexpr int kFrameKey = 1;
constexpr int kFrameInter = 2;
constexpr int kFrameCommand = 5;

constexpr int kCodecAvc = 7;
constexpr int kCodecHevc = 12;

constexpr int kLegacySequenceHeader = 0;
constexpr int kLegacyNalu = 1;
constexpr int kLegacyEndOfSequence = 2;

enum ExPacketType : std::uint8_t {
    kSequenceStart = 0,
    kCodedFrames = 1,
    kSequenceEnd = 2,
    kCodedFramesX = 3,
    kExMetadata = 4,
};

constexpr std::uint32_t fourCc(const char (&s)[5]) {
    return (static_cast<std::uint32_t>(s[0]) << 24) | (static_cast<std::uint32_t>(s[1]) << 16) |
           (static_cast<std::uint32_t>(s[2]) << 8) | static_cast<std::uint32_t>(s[3]);
}
constexpr std::uint32_t kFourCcHevc = fourCc("hvc1");
constexpr std::uint32_t kFourCcAvc = fourCc("avc1");
constexpr std::uint32_t kFourCcVp8 = fourCc("vp08");
constexpr std::uint32_t kFourCcOpus = fourCc("Opus");

constexpr int kSoundMp3 = 2;
constexpr int kSoundG711A = 7;
constexpr int kSoundG711U = 8;
constexpr int kSoundExHeader = 9;
constexpr int kSoundAac = 10;

// Enhanced RTMP v2 AudioPacketType; the others (multichannel, multitrack) are not read.
constexpr int kAudioSequenceStart = 0;
constexpr int kAudioCodedFrames = 1;

std::int32_t signed24(std::uint32_t v) {
    return static_cast<std::int32_t>(v << 8) >> 8;
}

void putBe(Prefix& p, std::uint32_t value, int count) {
    for (int i = count - 1; i >= 0; --i) {
        p.bytes[p.size++] = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

core::Result<Frame> parseEnhancedVideo(media::ByteReader& r, std::uint8_t first, Frame frame) {
    int frameType = (first >> 4) & 0x07;
    int packetType = first & 0x0f;
    std::uint32_t fourcc = r.u32();
    if (r.failed()) {
        return core::Error{"truncated Enhanced RTMP video header"};
    }
    if (fourcc == kFourCcHevc) {
        frame.codec = CodecId::H265;
    } else if (fourcc == kFourCcAvc) {
        frame.codec = CodecId::H264;
    } else if (fourcc == kFourCcVp8) {
        frame.codec = CodecId::VP8;
    } else {
        return core::Error{"unsupported Enhanced RTMP video FourCC"};
    }
    frame.keyframe = frameType == kFrameKey;
    if (frameType == kFrameCommand && packetType != kExMetadata) {
        frame.kind = PacketKind::Command;
        frame.payload = r.rest();
        return frame;
    }
    switch (packetType) {
        case kSequenceStart:
            frame.kind = PacketKind::Config;
            break;
        case kCodedFrames: {
            if (frame.codec == CodecId::VP8) {
                break;  // only AVC and HEVC carry a composition time
            }
            std::int32_t cts = signed24(r.u24());
            if (r.failed()) {
                return core::Error{"truncated Enhanced RTMP CodedFrames"};
            }
            frame.pts = frame.dts + cts;
            break;
        }
        case kCodedFramesX:
            break;
        case kSequenceEnd:
            frame.kind = PacketKind::EndOfSequence;
            break;
        case kExMetadata:
            frame.kind = PacketKind::Metadata;
            break;
        default:
            return core::Error{"unsupported Enhanced RTMP video packet type"};
    }
    frame.payload = r.rest();
    if (frame.kind == PacketKind::Config && frame.payload.empty()) {
        return core::Error{"empty Enhanced RTMP sequence start"};
    }
    return frame;
}

core::Result<Frame> parseEnhancedAudio(media::ByteReader& r, std::uint8_t first, Frame frame) {
    const int packetType = first & 0x0f;
    const std::uint32_t fourcc = r.u32();
    if (r.failed()) {
        return core::Error{"truncated Enhanced RTMP audio header"};
    }
    if (fourcc != kFourCcOpus) {
        return core::Error{"unsupported Enhanced RTMP audio FourCC"};
    }
    if (packetType != kAudioSequenceStart && packetType != kAudioCodedFrames) {
        return core::Error{"unsupported Enhanced RTMP audio packet type"};
    }
    frame.codec = CodecId::Opus;
    frame.kind = packetType == kAudioSequenceStart ? PacketKind::Config : PacketKind::Coded;
    frame.sampleRate = 48000;
    frame.channels = 0;  // in the OpusHead
    frame.payload = r.rest();
    if (frame.payload.empty()) {
        return core::Error{"empty audio payload"};
    }
    return frame;
}

// The track a parsed codec header describes, or why it did not parse.
template <typename Header>
core::Result<media::TrackInfo> described(const core::Result<Header>& header) {
    if (!header) {
        return header.error();
    }
    return trackInfo(header.value());  // the codec's own, found by its header's namespace
}

int soundRateBits(int sampleRate) {
    if (sampleRate >= 44100) {
        return 3;
    }
    if (sampleRate >= 22050) {
        return 2;
    }
    return sampleRate >= 11025 ? 1 : 0;
}

// An AMF number as the codec id or FourCC it holds; 0 (no codec) when it cannot be one.
std::uint32_t metadataId(double value) {
    return value >= 0 && value <= 0xFFFFFFFF ? static_cast<std::uint32_t>(value) : 0;
}

}  // namespace

core::Result<Frame> parseVideoTag(ByteView body, std::uint32_t timestampMs) {
    media::ByteReader r(body);
    std::uint8_t first = r.u8();
    if (r.failed()) {
        return core::Error{"empty video tag"};
    }
    Frame frame;
    frame.track = media::TrackType::Video;
    frame.dts = timestampMs;
    frame.pts = timestampMs;
    if ((first & 0x80) != 0) {
        return parseEnhancedVideo(r, first, frame);
    }
    int frameType = first >> 4;
    int codecId = first & 0x0f;
    if (codecId == kCodecAvc) {
        frame.codec = CodecId::H264;
    } else if (codecId == kCodecHevc) {
        frame.codec = CodecId::H265;
    } else {
        return core::Error{"unsupported FLV video codec id " + std::to_string(codecId)};
    }
    frame.keyframe = frameType == kFrameKey;
    if (frameType == kFrameCommand) {
        frame.kind = PacketKind::Command;
        frame.payload = r.rest();
        return frame;
    }
    int packetType = r.u8();
    std::int32_t cts = signed24(r.u24());
    if (r.failed()) {
        return core::Error{"truncated AVC/HEVC video tag header"};
    }
    switch (packetType) {
        case kLegacySequenceHeader:
            frame.kind = PacketKind::Config;
            break;
        case kLegacyNalu:
            frame.pts = frame.dts + cts;
            break;
        case kLegacyEndOfSequence:
            frame.kind = PacketKind::EndOfSequence;
            break;
        default:
            return core::Error{"unknown AVC packet type"};
    }
    frame.payload = r.rest();
    if (frame.kind == PacketKind::Config && frame.payload.empty()) {
        return core::Error{"empty video sequence header"};
    }
    return frame;
}

core::Result<Frame> parseAudioTag(ByteView body, std::uint32_t timestampMs) {
    media::ByteReader r(body);
    std::uint8_t first = r.u8();
    if (r.failed()) {
        return core::Error{"empty audio tag"};
    }
    Frame frame;
    frame.track = media::TrackType::Audio;
    frame.keyframe = true;
    frame.dts = timestampMs;
    frame.pts = timestampMs;
    if ((first >> 4) == kSoundExHeader) {
        return parseEnhancedAudio(r, first, frame);
    }
    frame.channels = (first & 0x01) ? 2 : 1;
    static constexpr int kRates[4] = {5512, 11025, 22050, 44100};
    frame.sampleRate = kRates[(first >> 2) & 0x03];
    switch (first >> 4) {
        case kSoundAac: {
            frame.codec = CodecId::AAC;
            std::uint8_t packetType = r.u8();
            if (r.failed() || packetType > 1) {
                return core::Error{"bad AAC packet type"};
            }
            frame.kind = packetType == 0 ? PacketKind::Config : PacketKind::Coded;
            break;
        }
        case kSoundMp3:
            frame.codec = CodecId::MP3;
            break;
        case kSoundG711A:
            frame.codec = CodecId::G711A;
            frame.sampleRate = 8000;
            break;
        case kSoundG711U:
            frame.codec = CodecId::G711U;
            frame.sampleRate = 8000;
            break;
        default:
            return core::Error{"unsupported FLV sound format " + std::to_string(first >> 4)};
    }
    frame.payload = r.rest();
    if (frame.payload.empty()) {
        return core::Error{"empty audio payload"};
    }
    return frame;
}

core::Result<media::TrackInfo> trackInfo(const Frame& frame) {
    namespace h264 = media::h264;
    namespace h265 = media::h265;
    switch (frame.codec) {
        case CodecId::H264: {
            if (!frame.isConfig()) {
                break;
            }
            auto record = h264::parseAvcConfig(frame.payload);
            if (!record) {
                return record.error();
            }
            auto sps = h264::parseSps(record.value().sps.front());
            if (!sps) {
                return sps.error();
            }
            return h264::trackInfo(sps.value());
        }
        case CodecId::H265: {
            if (!frame.isConfig()) {
                break;
            }
            auto record = h265::parseHevcConfig(frame.payload);
            if (!record) {
                return record.error();
            }
            const auto* spsUnits = record.value().units(h265::NalType::Sps);
            if (spsUnits == nullptr || spsUnits->empty()) {
                return core::Error{"HEVC configuration without SPS"};
            }
            auto sps = h265::parseSps(spsUnits->front());
            if (!sps) {
                return sps.error();
            }
            const auto* vpsUnits = record.value().units(h265::NalType::Vps);
            if (vpsUnits != nullptr && !vpsUnits->empty()) {
                auto vps = h265::parseVps(vpsUnits->front());
                if (vps) {
                    return h265::trackInfo(sps.value(), &vps.value());
                }
            }
            return h265::trackInfo(sps.value());
        }
        case CodecId::AAC: {
            if (!frame.isConfig()) {
                break;
            }
            return described(media::aac::parseAudioSpecificConfig(frame.payload));
        }
        case CodecId::MP3:
            return described(media::mp3::parseFrameHeader(frame.payload));
        case CodecId::G711A:
        case CodecId::G711U:
            return media::g711::trackInfo(frame.codec, frame.channels);
        case CodecId::Opus: {
            if (!frame.isConfig()) {
                break;
            }
            return described(media::opus::parseOpusHead(frame.payload));
        }
        case CodecId::VP8: {
            // The configuration record has no picture size; every key frame has.
            if (frame.isConfig() || !frame.keyframe) {
                break;
            }
            return described(media::vp8::parseKeyFrameHeader(frame.payload));
        }
    }
    return core::Error{"frame carries no track parameters"};
}

core::Result<Prefix> buildBodyPrefix(const Frame& frame, HevcMode hevcMode) {
    Prefix p;
    if (frame.track == media::TrackType::Audio) {
        switch (frame.codec) {
            case CodecId::AAC:
                if (frame.kind != PacketKind::Config && frame.kind != PacketKind::Coded) {
                    return core::Error{"AAC has no such FLV packet"};
                }
                // AAC always declares 44 kHz, 16-bit stereo; the real values are in the ASC.
                putBe(p, 0xaf, 1);
                putBe(p, frame.kind == PacketKind::Config ? 0 : 1, 1);
                return p;
            case CodecId::MP3:
            case CodecId::G711A:
            case CodecId::G711U: {
                if (frame.kind != PacketKind::Coded) {
                    return core::Error{"MP3/G.711 frames carry no configuration"};
                }
                int format = frame.codec == CodecId::MP3     ? kSoundMp3
                             : frame.codec == CodecId::G711A ? kSoundG711A
                                                             : kSoundG711U;
                // G.711 is 8 kHz whatever the rate bits say; players ignore them.
                int rate = frame.codec == CodecId::MP3 ? soundRateBits(frame.sampleRate) : 0;
                putBe(p,
                      static_cast<std::uint32_t>((format << 4) | (rate << 2) | 0x02 |
                                                 (frame.channels == 2 ? 1 : 0)),
                      1);
                return p;
            }
            case CodecId::Opus:
                if (frame.kind != PacketKind::Config && frame.kind != PacketKind::Coded) {
                    return core::Error{"Opus has no such FLV packet"};
                }
                putBe(p,
                      static_cast<std::uint32_t>((kSoundExHeader << 4) |
                                                 (frame.kind == PacketKind::Config
                                                      ? kAudioSequenceStart
                                                      : kAudioCodedFrames)),
                      1);
                putBe(p, kFourCcOpus, 4);
                return p;
            default:
                return core::Error{"codec cannot be carried in an FLV audio tag"};
        }
    }
    if (frame.codec != CodecId::H264 && frame.codec != CodecId::H265 &&
        frame.codec != CodecId::VP8) {
        return core::Error{"codec cannot be carried in an FLV video tag"};
    }
    if (frame.kind == PacketKind::Command) {
        return core::Error{"command frames are not forwarded"};
    }
    // Only coded frames can be inter frames; writers mark the others as key frames.
    int frameType = frame.keyframe || frame.kind != PacketKind::Coded ? kFrameKey : kFrameInter;
    std::int64_t cts = frame.kind == PacketKind::Coded ? frame.pts - frame.dts : 0;
    if (cts < -0x800000 || cts > 0x7fffff) {
        return core::Error{"composition time out of range"};
    }
    auto cts24 = static_cast<std::uint32_t>(cts) & 0xffffff;
    if (frame.codec == CodecId::VP8) {
        if (cts != 0) {
            return core::Error{"VP8 frames have no composition time"};
        }
        auto type = frame.kind == PacketKind::Config          ? kSequenceStart
                    : frame.kind == PacketKind::EndOfSequence ? kSequenceEnd
                    : frame.kind == PacketKind::Metadata      ? kExMetadata
                                                              : kCodedFrames;
        putBe(p, static_cast<std::uint32_t>(0x80 | (frameType << 4) | type), 1);
        putBe(p, kFourCcVp8, 4);
        return p;
    }
    if (frame.codec == CodecId::H265 && hevcMode == HevcMode::Enhanced) {
        ExPacketType type = kCodedFrames;
        switch (frame.kind) {
            case PacketKind::Config:
                type = kSequenceStart;
                break;
            case PacketKind::EndOfSequence:
                type = kSequenceEnd;
                break;
            case PacketKind::Metadata:
                type = kExMetadata;
                break;
            default:
                type = cts == 0 ? kCodedFramesX : kCodedFrames;
        }
        putBe(p, static_cast<std::uint32_t>(0x80 | (frameType << 4) | type), 1);
        putBe(p, kFourCcHevc, 4);
        if (type == kCodedFrames) {
            putBe(p, cts24, 3);
        }
        return p;
    }
    if (frame.kind == PacketKind::Metadata) {
        return core::Error{"video metadata needs Enhanced RTMP"};
    }
    int codecId = frame.codec == CodecId::H264 ? kCodecAvc : kCodecHevc;
    int packetType = frame.kind == PacketKind::Config          ? kLegacySequenceHeader
                     : frame.kind == PacketKind::EndOfSequence ? kLegacyEndOfSequence
                                                               : kLegacyNalu;
    putBe(p, static_cast<std::uint32_t>((frameType << 4) | codecId), 1);
    putBe(p, static_cast<std::uint32_t>(packetType), 1);
    putBe(p, cts24, 3);
    return p;
}

core::Result<TagPrefix> buildTagPrefix(const Frame& frame, HevcMode hevcMode) {
    auto body = buildBodyPrefix(frame, hevcMode);
    if (!body) {
        return body.error();
    }
    std::size_t dataSize = body.value().size + frame.payload.size();
    if (dataSize > kMaxDataSize) {
        return core::Error{"frame too large for an FLV tag"};
    }
    auto type = frame.track == media::TrackType::Video ? TagType::Video : TagType::Audio;
    auto header = buildTagHeader(type, static_cast<std::uint32_t>(dataSize),
                                 static_cast<std::uint32_t>(frame.dts));
    TagPrefix out;
    std::copy(header.begin(), header.end(), out.prefix.bytes.begin());
    std::copy(body.value().bytes.begin(), body.value().bytes.begin() + body.value().size,
              out.prefix.bytes.begin() + kTagHeaderSize);
    out.prefix.size = kTagHeaderSize + body.value().size;
    out.tagSize = static_cast<std::uint32_t>(kTagHeaderSize + dataSize);
    return out;
}

Metadata buildMetadata(const media::TrackInfo* video, const media::TrackInfo* audio,
                       HevcMode hevcMode) {
    Metadata m;
    if (video != nullptr) {
        m.hasVideo = true;
        m.width = video->width;
        m.height = video->height;
        m.framerate = video->fps;
        if (video->codec == CodecId::H265) {
            m.videocodecid = hevcMode == HevcMode::Enhanced ? kFourCcHevc : kCodecHevc;
        } else if (video->codec == CodecId::VP8) {
            m.videocodecid = kFourCcVp8;
        } else {
            m.videocodecid = kCodecAvc;
        }
    }
    if (audio != nullptr) {
        m.hasAudio = true;
        m.audiosamplerate = audio->sampleRate;
        m.audiosamplesize = audio->sampleBit;
        m.stereo = audio->channels >= 2;
        switch (audio->codec) {
            case CodecId::AAC:
                m.audiocodecid = kSoundAac;
                break;
            case CodecId::MP3:
                m.audiocodecid = kSoundMp3;
                break;
            case CodecId::G711A:
                m.audiocodecid = kSoundG711A;
                break;
            case CodecId::G711U:
                m.audiocodecid = kSoundG711U;
                break;
            default:
                m.audiocodecid = kFourCcOpus;
        }
    }
    return m;
}

std::optional<CodecId> videoCodecOfMetadata(double videocodecid) {
    switch (metadataId(videocodecid)) {
        case kCodecAvc:
        case kFourCcAvc:
            return CodecId::H264;
        case kCodecHevc:
        case kFourCcHevc:
            return CodecId::H265;
        case kFourCcVp8:
            return CodecId::VP8;
        default:
            return std::nullopt;
    }
}

std::optional<CodecId> audioCodecOfMetadata(double audiocodecid) {
    switch (metadataId(audiocodecid)) {
        case kSoundAac:
            return CodecId::AAC;
        case kSoundMp3:
            return CodecId::MP3;
        case kSoundG711A:
            return CodecId::G711A;
        case kSoundG711U:
            return CodecId::G711U;
        case kFourCcOpus:
            return CodecId::Opus;
        default:
            return std::nullopt;
    }
}

}  // namespace regie::flv
