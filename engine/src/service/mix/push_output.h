#pragma once
// The mix output pushed to a URL (MixOutput StreamUrl) instead of published here, muxed as
// the engine's own live output is (so H.265 goes out as FLV codec id 12 too).

#include <optional>
#include <string>

#include "av/stream_push.h"
#include "service/mix/flv_bodies.h"
#include "service/mix/mix_sink.h"

namespace regie::service::mix {

class PushOutput final : public MixSink {
public:
    // An audio-only output starts pushing with its audio format; any other with its video's.
    PushOutput(std::string url, bool audioOnly) : m_push(std::move(url)) {
        m_format.audioOnly = audioOnly;
    }

    core::Status videoConfig(const av::VideoEncoderParams& params,
                             std::span<const std::uint8_t> annexB, std::int64_t dtsMs) override;
    core::Status video(const av::EncodedPacket& packet) override;
    core::Status audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                             std::span<const std::uint8_t> config) override;
    core::Status audio(const av::EncodedPacket& packet) override;

private:
    core::Status send(core::Result<FlvBody> made);

    FlvBodies m_flv;
    av::StreamPush::Format m_format;
    bool m_hasAudio = false;
    av::StreamPush m_push;
};

}  // namespace regie::service::mix
