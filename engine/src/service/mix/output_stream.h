#pragma once
// The mix output as a live stream: encoded H.264 or H.265 (FLV codec id 12, as the engine
// forwards publishers' H.265) and AAC or MP3 become FLV frames fed into the output MediaSource,
// so RTMP and HTTP-FLV players and getMediaList see it like any publisher's stream.

#include <memory>
#include <span>
#include <vector>

#include "av/encoders.h"
#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/media_source.h"
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
    // `nals` set: the payload is these NAL units, each written with a 4-byte length (AVCC).
    core::Status send(media::TrackKind kind, media::CodecId codec, bool config, bool keyframe,
                      std::int64_t dtsMs, std::int64_t ptsMs, std::span<const std::uint8_t> payload,
                      const std::vector<media::ByteView>* nals = nullptr);

    std::shared_ptr<media::MediaSource> m_source;
    media::CodecId m_videoCodec = media::CodecId::H264;
    media::CodecId m_audioCodec = media::CodecId::AAC;
    int m_sampleRate = 0;
    int m_channels = 0;
    std::uint32_t m_lastVideoDts = 0;
    std::uint32_t m_lastAudioDts = 0;
};

}  // namespace regie::service::mix
