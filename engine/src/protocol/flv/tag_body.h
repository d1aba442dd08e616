#pragma once
// FLV/RTMP audio and video tag bodies <-> normalised frames. Video: legacy AVC (codec id 7),
// legacy HEVC (codec id 12, the widespread Chinese extension with the AVC layout) and
// Enhanced RTMP ('hvc1', 'avc1', 'vp08'). Audio: AAC, MP3, G.711 A-law/mu-law, and Enhanced
// RTMP v2 'Opus' (sequence start: the OpusHead; coded frames: one Opus packet each).
//
// The same bytes are an RTMP audio/video message payload and an FLV tag body, so both the
// RTMP and the HTTP-FLV paths use these functions.

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"
#include "protocol/flv/flv.h"

namespace regie::flv {

enum class PacketKind {
    Coded,          // media: AVCC NAL units, a VP8 frame, raw AAC, MP3, G.711 or Opus bytes
    Config,         // the decoder configuration record (avcC, hvcC, vpcC, ASC, OpusHead)
    EndOfSequence,  // no payload
    Metadata,       // Enhanced RTMP video metadata: payload is AMF0
    Command,        // video info/command frame (frame type 5): nothing to forward
};

struct Frame {
    media::TrackType track = media::TrackType::Video;
    media::CodecId codec = media::CodecId::H264;
    PacketKind kind = PacketKind::Coded;
    bool keyframe = false;  // video frame type 1; always true for audio
    std::int64_t dts = 0;   // ms
    std::int64_t pts = 0;   // ms, dts + composition time
    ByteView payload;       // points into the parsed body
    // Audio only, from the legacy sound header: 8000 for G.711, 48000 for Opus, the FLV rate
    // class (5512, 11025, 22050, 44100) otherwise. AAC, MP3 and Opus carry the real values in
    // their own headers (Opus: channels 0 here).
    int sampleRate = 0;
    int channels = 0;

    bool isConfig() const { return kind == PacketKind::Config; }
};

core::Result<Frame> parseVideoTag(ByteView body, std::uint32_t timestampMs);
core::Result<Frame> parseAudioTag(ByteView body, std::uint32_t timestampMs);

// Track parameters from a frame: the configuration record of a Config frame (H.264, H.265,
// AAC, Opus), or the frame itself where the record does not say (MP3 header, G.711 sound
// header, a VP8 key frame).
core::Result<media::TrackInfo> trackInfo(const Frame& frame);

// How H.265 goes out: codec id 12 reaches most Chinese-ecosystem players (flv.js forks,
// ffmpeg < 6 with patches); Enhanced RTMP reaches OBS, ffmpeg >= 6.1 and recent flv.js.
enum class HevcMode { LegacyCodecId12, Enhanced };

// A few header bytes to send before a frame's shared payload (scatter/gather).
struct Prefix {
    std::array<std::uint8_t, 24> bytes{};
    std::size_t size = 0;

    ByteView view() const { return {bytes.data(), size}; }
};

// The tag body / RTMP message prefix: [prefix][frame.payload] is the whole body.
core::Result<Prefix> buildBodyPrefix(const Frame& frame, HevcMode hevcMode);

struct TagPrefix {
    Prefix prefix;            // tag header + body prefix
    std::uint32_t tagSize{};  // header + body; write buildPreviousTagSize(tagSize) after
};

// The FLV tag: [prefix][frame.payload][buildPreviousTagSize(tagSize)]. The tag timestamp is
// the frame's dts.
core::Result<TagPrefix> buildTagPrefix(const Frame& frame, HevcMode hevcMode);

// onMetaData values for an FLV stream; the integrator encodes them as AMF0 (ECMA array).
struct Metadata {
    bool hasVideo = false;
    bool hasAudio = false;
    double width = 0;
    double height = 0;
    double framerate = 0;
    double videocodecid = 0;  // 7, 12, or a FourCC as a number ('hvc1' in Enhanced mode, 'vp08')
    double audiocodecid = 0;  // FLV SoundFormat (10, 2, 7, 8), or the FourCC 'Opus'
    double audiosamplerate = 0;
    double audiosamplesize = 0;
    bool stereo = false;
};

Metadata buildMetadata(const media::TrackInfo* video, const media::TrackInfo* audio,
                       HevcMode hevcMode);

// The codec an onMetaData videocodecid / audiocodecid names (the numbers buildMetadata writes,
// plus 'avc1'); nullopt for one the engine does not read.
std::optional<media::CodecId> videoCodecOfMetadata(double videocodecid);
std::optional<media::CodecId> audioCodecOfMetadata(double audiocodecid);

}  // namespace regie::flv
