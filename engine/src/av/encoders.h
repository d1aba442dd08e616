#pragma once
// The mix output's encoders: H.264 through libx264 (veryfast, zerolatency, no B-frames) and
// AAC-LC through FFmpeg's native encoder. Both keep their parameter sets out of band
// (extradata) and hand each packet to a callback with millisecond timestamps.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>

#include "av/av_handles.h"
#include "core/result.h"

namespace regie::av {

struct EncodedPacket {
    std::span<const std::uint8_t> data;  // H.264: Annex B; AAC: one raw access unit
    std::int64_t dtsMs = 0;
    std::int64_t ptsMs = 0;
    bool keyframe = false;
};
using PacketOutput = std::function<void(const EncodedPacket&)>;

struct VideoEncoderParams {
    int width = 0;
    int height = 0;
    int fps = 25;
    std::int64_t bitrate = 0;
    auto operator<=>(const VideoEncoderParams&) const = default;
};

class VideoEncoder {
public:
    static core::Result<std::unique_ptr<VideoEncoder>> open(const VideoEncoderParams& params);

    const VideoEncoderParams& params() const { return m_params; }
    // SPS and PPS, Annex B.
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
    static core::Result<std::unique_ptr<AudioEncoder>> open(int sampleRate, int channels,
                                                            std::int64_t bitrate);

    int sampleRate() const { return m_context->sample_rate; }
    int channels() const { return m_context->ch_layout.nb_channels; }
    int frameSize() const { return m_context->frame_size; }
    // The AudioSpecificConfig.
    std::span<const std::uint8_t> extradata() const;
    // A frame of frameSize() planar float samples; `firstSample` counts samples since the
    // output started.
    core::Status encode(AVFrame& frame, std::int64_t firstSample, const PacketOutput& output);

private:
    explicit AudioEncoder(CodecContextPtr context);

    CodecContextPtr m_context;
    PacketPtr m_packet = allocPacket();
};

}  // namespace regie::av
