#pragma once
// Where a mix task's encoded output goes: a live stream of this engine (OutputStream) or a push
// to a URL (PushOutput). Called on the task's thread only.

#include <cstdint>
#include <span>

#include "av/encoders.h"
#include "core/result.h"

namespace regie::service::mix {

class MixSink {
public:
    virtual ~MixSink() = default;
    // A new video format with its parameter sets (Annex B); the next picture starts a GOP.
    virtual core::Status videoConfig(const av::VideoEncoderParams& params,
                                     std::span<const std::uint8_t> annexB, std::int64_t dtsMs) = 0;
    virtual core::Status video(const av::EncodedPacket& packet) = 0;
    // `config`: AAC's AudioSpecificConfig; empty for MP3.
    virtual core::Status audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                                     std::span<const std::uint8_t> config) = 0;
    virtual core::Status audio(const av::EncodedPacket& packet) = 0;
};

}  // namespace regie::service::mix
