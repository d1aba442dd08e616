#pragma once
// The mix output's encoders: H.264 through libx264 or H.265 through libx265 (veryfast,
// zerolatency, no B-frames; H.265 optionally tuned for low bitrates) or VP8 through libvpx
// (realtime), and AAC-LC through FFmpeg's native encoder, MP3 through libmp3lame or Opus through
// libopus (always 48 kHz). They keep their parameter sets out of band (extradata) and hand each
// packet to a callback with millisecond timestamps.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>

#include "av/av_handles.h"
#include "core/result.h"
#include "media/codec/codec.h"

namespace regie::av {

enum class VideoCodec { h264, h265, vp8 };
enum class AudioCodec { aacLc, mp3, opus };

// What each encoder produces, as the media core names codecs.
media::CodecId codecId(VideoCodec codec);
media::CodecId codecId(AudioCodec codec);

struct EncodedPacket {
    // H.264 and H.265: Annex B; VP8: one frame; AAC: one raw access unit; MP3: one frame with its
    // header; Opus: one packet.
    std::span<const std::uint8_t> data;
    std::int64_t dtsMs = 0;
    std::int64_t ptsMs = 0;
    bool keyframe = false;
};
using PacketOutput = std::function<void(const EncodedPacket&)>;

struct VideoEncoderParams {
    VideoCodec codec = VideoCodec::h264;
    int width = 0;
    int height = 0;
    int fps = 25;
    std::int64_t bitrate = 0;
    int gopSeconds = 2;  // between keyframes
    // H.265: x265 tuned for quality at low bitrates (LowBitrateHD); no effect on H.264.
    bool lowBitrate = false;
    auto operator<=>(const VideoEncoderParams&) const = default;
};

class VideoEncoder {
public:
    static core::Result<std::unique_ptr<VideoEncoder>> open(const VideoEncoderParams& params);

    const VideoEncoderParams& params() const { return m_params; }
    // The parameter sets (H.264: SPS and PPS; H.265: VPS, SPS and PPS), Annex B; VP8: none.
    std::span<const std::uint8_t> extradata() const;
    // `frame` must be YUV420P of the encoder's size; `index` counts frames since the output
    // started (the timestamp is index / fps).
    core::Status encode(AVFrame& frame, std::int64_t index, const PacketOutput& output);

private:
    VideoEncoder(CodecContextPtr context, VideoEncoderParams params);

    CodecContextPtr m_context;
    VideoEncoderParams m_params;
    PacketPtr m_packet = allocPacket();
};

class AudioEncoder {
public:
    // Opus ignores `sampleRate`: it is always encoded at 48 kHz (queue for sampleRate()).
    static core::Result<std::unique_ptr<AudioEncoder>> open(AudioCodec codec, int sampleRate,
                                                            int channels, std::int64_t bitrate);

    AudioCodec codec() const { return m_codec; }
    int sampleRate() const { return m_context->sample_rate; }
    int channels() const { return m_context->ch_layout.nb_channels; }
    int frameSize() const { return m_context->frame_size; }
    // AAC: the AudioSpecificConfig; Opus: the OpusHead; MP3: empty.
    std::span<const std::uint8_t> extradata() const;
    // A frame of frameSize() planar float samples; `firstSample` counts samples since the
    // output started.
    core::Status encode(AVFrame& frame, std::int64_t firstSample, const PacketOutput& output);

private:
    AudioEncoder(AudioCodec codec, CodecContextPtr context, FramePtr interleaved);

    AudioCodec m_codec;
    CodecContextPtr m_context;
    // libopus takes interleaved samples: the planar frames are copied into this one first.
    FramePtr m_interleaved;
    PacketPtr m_packet = allocPacket();
};

}  // namespace regie::av
