#pragma once
// One audio or video decoder. Coded frames go in with millisecond timestamps; each decoded
// frame is lent to a callback for the duration of the call.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>

#include "av/av_handles.h"
#include "core/result.h"
#include "media/codec/codec.h"

namespace regie::av {

class Decoder {
public:
    using Output = std::function<void(AVFrame&)>;

    // A decoder for a MediaSource track: `config` is its decoder configuration record (avcC,
    // hvcC, vpcC, AudioSpecificConfig, OpusHead) or empty; G.711 needs the channel count.
    static core::Result<std::unique_ptr<Decoder>> open(media::CodecId codec,
                                                       std::span<const std::uint8_t> config,
                                                       int channels = 1);
    // A decoder for a demuxed stream.
    static core::Result<std::unique_ptr<Decoder>> open(const AVCodecParameters& parameters);

    // Undecodable frames are skipped (a decoder recovers at the next keyframe).
    void decode(std::span<const std::uint8_t> data, std::int64_t ptsMs, const Output& output);
    void decode(AVPacket& packet, const Output& output);

private:
    explicit Decoder(CodecContextPtr context);
    void receive(const Output& output);

    CodecContextPtr m_context;
    PacketPtr m_packet = allocPacket();
    FramePtr m_frame = allocFrame();
};

}  // namespace regie::av
