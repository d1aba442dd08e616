#pragma once
// A mix output's encoded media as FLV tag bodies, the engine's own muxing: H.264, H.265 as FLV
// codec id 12 (the form the engine forwards from publishers), both with AVCC NAL units and
// their configuration records; VP8 as Enhanced RTMP 'vp08' with a vpcC record; AAC with its
// AudioSpecificConfig; MP3; Opus as Enhanced RTMP v2 'Opus' with its OpusHead. Timestamps never
// go back, whatever an encoder restart does. The live output stream and the push share it.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "av/encoders.h"
#include "core/result.h"
#include "media/buffer.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"
#include "media/frame.h"

namespace regie::service::mix {

struct FlvBody {
    media::TrackKind kind = media::TrackKind::video;
    media::CodecId codec = media::CodecId::H264;
    bool config = false;
    bool keyframe = false;
    std::uint32_t dts = 0;  // ms
    std::uint32_t pts = 0;  // ms
    media::Bytes bytes;     // the whole tag body
    std::size_t payloadOffset = 0;
};

class FlvBodies {
public:
    struct VideoConfig {
        FlvBody body;
        std::optional<media::TrackInfo> info;  // from the SPS, when it parses
    };
    struct AudioConfig {
        std::optional<FlvBody> body;  // none for MP3: each frame's header says it all
        media::TrackInfo info;
    };

    // `annexB` holds the encoder's parameter sets (H.265: and x265's header SEI, which names
    // its options and goes into the record too); VP8 has none.
    core::Result<VideoConfig> videoConfig(const av::VideoEncoderParams& params,
                                          std::span<const std::uint8_t> annexB, std::int64_t dtsMs);
    core::Result<FlvBody> video(const av::EncodedPacket& packet);
    // `config`: AAC's AudioSpecificConfig, Opus's OpusHead; empty for MP3.
    core::Result<AudioConfig> audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                                          std::span<const std::uint8_t> config);
    core::Result<FlvBody> audio(const av::EncodedPacket& packet);

private:
    core::Result<VideoConfig> vp8Config(const av::VideoEncoderParams& params, std::int64_t dtsMs);
    // `nals` set: the payload is these NAL units, each written with a 4-byte length (AVCC).
    core::Result<FlvBody> body(media::TrackKind kind, media::CodecId codec, bool config,
                               bool keyframe, std::int64_t dtsMs, std::int64_t ptsMs,
                               std::span<const std::uint8_t> payload,
                               const std::vector<media::ByteView>* nals = nullptr);

    media::CodecId m_videoCodec = media::CodecId::H264;
    media::CodecId m_audioCodec = media::CodecId::AAC;
    int m_sampleRate = 0;
    int m_channels = 0;
    std::uint32_t m_lastVideoDts = 0;
    std::uint32_t m_lastAudioDts = 0;
};

}  // namespace regie::service::mix
