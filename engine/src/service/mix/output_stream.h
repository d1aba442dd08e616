#pragma once
// The mix output as a live stream: encoded H.264 or H.265 (FLV codec id 12, as the engine
// forwards publishers' H.265) and AAC or MP3 become FLV frames fed into the output MediaSource,
// so RTMP and HTTP-FLV players and getMediaList see it like any publisher's stream.

#include <memory>
#include <span>

#include "av/encoders.h"
#include "core/result.h"
#include "media/media_source.h"
#include "service/mix/flv_bodies.h"
#include "service/mix/mix_sink.h"

namespace regie::service::mix {

class OutputStream final : public MixSink {
public:
    explicit OutputStream(std::shared_ptr<media::MediaSource> source);

    core::Status videoConfig(const av::VideoEncoderParams& params,
                             std::span<const std::uint8_t> annexB, std::int64_t dtsMs) override;
    core::Status video(const av::EncodedPacket& packet) override;
    core::Status audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                             std::span<const std::uint8_t> config) override;
    core::Status audio(const av::EncodedPacket& packet) override;

private:
    core::Status send(core::Result<FlvBody> made);
    void setTrack(media::TrackKind kind, const media::TrackInfo& info);

    std::shared_ptr<media::MediaSource> m_source;
    FlvBodies m_flv;
};

}  // namespace regie::service::mix
