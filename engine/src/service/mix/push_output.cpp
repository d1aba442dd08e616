#include "service/mix/push_output.h"

namespace regie::service::mix {

core::Status PushOutput::videoConfig(const av::VideoEncoderParams& params,
                                     std::span<const std::uint8_t> annexB, std::int64_t) {
    if (params.codec != av::VideoCodec::h264) {
        return core::Error{"the push (FFmpeg's FLV muxer) carries H.264 only"};
    }
    m_format.width = params.width;
    m_format.height = params.height;
    m_format.fps = params.fps;
    m_format.videoConfig.assign(annexB.begin(), annexB.end());
    if (!m_hasAudio) {
        return core::Error{"the push needs the audio format first"};
    }
    m_push.setFormat(m_format);
    return core::okStatus();
}

core::Status PushOutput::video(const av::EncodedPacket& packet) {
    m_push.push(true, packet);
    return core::okStatus();
}

core::Status PushOutput::audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                                     std::span<const std::uint8_t> config) {
    m_format.audioCodec = codec;
    m_format.sampleRate = sampleRate;
    m_format.channels = channels;
    m_format.samplesPerFrame = codec == av::AudioCodec::mp3 ? 1152 : 1024;
    m_format.audioConfig.assign(config.begin(), config.end());
    m_hasAudio = true;
    return core::okStatus();
}

core::Status PushOutput::audio(const av::EncodedPacket& packet) {
    m_push.push(false, packet);
    return core::okStatus();
}

}  // namespace regie::service::mix
