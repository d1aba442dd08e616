#include "service/mix/push_output.h"

namespace regie::service::mix {

core::Status PushOutput::send(core::Result<FlvBody> made) {
    if (!made) {
        return made.error();
    }
    FlvBody& body = made.value();
    m_push.push(
        {body.kind == media::TrackKind::video, body.keyframe, body.dts, std::move(body.bytes)});
    return core::okStatus();
}

core::Status PushOutput::videoConfig(const av::VideoEncoderParams& params,
                                     std::span<const std::uint8_t> annexB, std::int64_t dtsMs) {
    auto made = m_flv.videoConfig(params, annexB, dtsMs);
    if (!made) {
        return made.error();
    }
    m_format.videoConfig = std::move(made.value().body.bytes);
    if (!m_hasAudio) {
        return core::Error{"the push needs the audio format first"};
    }
    m_push.setFormat(m_format);
    return core::okStatus();
}

core::Status PushOutput::video(const av::EncodedPacket& packet) {
    return send(m_flv.video(packet));
}

core::Status PushOutput::audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                                     std::span<const std::uint8_t> config) {
    auto made = m_flv.audioConfig(codec, sampleRate, channels, config);
    if (!made) {
        return made.error();
    }
    m_format.audioConfig.clear();
    if (made.value().body) {
        m_format.audioConfig = std::move(made.value().body->bytes);
    }
    m_hasAudio = true;
    if (m_format.audioOnly) {
        m_push.setFormat(m_format);
    }
    return core::okStatus();
}

core::Status PushOutput::audio(const av::EncodedPacket& packet) {
    return send(m_flv.audio(packet));
}

}  // namespace regie::service::mix
