#pragma once
// The mix output pushed to a URL (MixOutput StreamUrl) instead of published here.

#include <optional>
#include <string>

#include "av/stream_push.h"
#include "service/mix/mix_sink.h"

namespace regie::service::mix {

class PushOutput final : public MixSink {
public:
    explicit PushOutput(std::string url) : m_push(std::move(url)) {}

    core::Status videoConfig(const av::VideoEncoderParams& params,
                             std::span<const std::uint8_t> annexB, std::int64_t dtsMs) override;
    core::Status video(const av::EncodedPacket& packet) override;
    core::Status audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                             std::span<const std::uint8_t> config) override;
    core::Status audio(const av::EncodedPacket& packet) override;

private:
    av::StreamPush::Format m_format;
    bool m_hasAudio = false;
    av::StreamPush m_push;
};

}  // namespace regie::service::mix
