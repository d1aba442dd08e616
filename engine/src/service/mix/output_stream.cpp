#include "service/mix/output_stream.h"

namespace regie::service::mix {

OutputStream::OutputStream(std::shared_ptr<media::MediaSource> source)
    : m_source(std::move(source)) {}

core::Status OutputStream::send(core::Result<FlvBody> made) {
    if (!made) {
        return made.error();
    }
    FlvBody& body = made.value();
    // The one copy of the frame: every muxer and player shares it from here on.
    const std::size_t payloadSize = body.bytes.size() - body.payloadOffset;
    auto shared = media::shareBytes(std::move(body.bytes));
    media::Frame frame;
    frame.kind = body.kind;
    frame.codec = body.codec;
    frame.dts = body.dts;
    frame.pts = body.pts;
    frame.keyframe = body.keyframe;
    frame.config = body.config;
    frame.flvBody = shared;
    frame.payload = media::BufferRef{shared, body.payloadOffset, payloadSize};
    m_source->input(frame);
    return core::okStatus();
}

void OutputStream::setTrack(media::TrackKind kind, const media::TrackInfo& info) {
    m_source->updateTrack(kind, [&](media::TrackState& t) { t.info = info; });
}

core::Status OutputStream::videoConfig(const av::VideoEncoderParams& params,
                                       std::span<const std::uint8_t> annexB, std::int64_t dtsMs) {
    auto made = m_flv.videoConfig(params, annexB, dtsMs);
    if (!made) {
        return made.error();
    }
    if (made.value().info) {
        setTrack(media::TrackKind::video, *made.value().info);
    }
    return send(std::move(made.value().body));
}

core::Status OutputStream::video(const av::EncodedPacket& packet) {
    return send(m_flv.video(packet));
}

core::Status OutputStream::audioConfig(av::AudioCodec codec, int sampleRate, int channels,
                                       std::span<const std::uint8_t> config) {
    auto made = m_flv.audioConfig(codec, sampleRate, channels, config);
    if (!made) {
        return made.error();
    }
    setTrack(media::TrackKind::audio, made.value().info);
    if (!made.value().body) {
        return core::okStatus();
    }
    return send(std::move(*made.value().body));
}

core::Status OutputStream::audio(const av::EncodedPacket& packet) {
    return send(m_flv.audio(packet));
}

}  // namespace regie::service::mix
