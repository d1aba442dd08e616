#include "service/mix/frame_decoder.h"

#include "protocol/flv/tag_body.h"

namespace regie::service::mix {

namespace {

std::span<const std::uint8_t> payloadOf(const media::Frame& frame) {
    return frame.payload.owner ? frame.payload.span() : std::span<const std::uint8_t>{};
}

// What the frame's FLV tag says (G.711 needs it); a frame without one counts as mono.
int channelsOf(const media::Frame& frame) {
    if (frame.flvBody) {
        if (auto tag = flv::parseAudioTag(*frame.flvBody, frame.dts)) {
            return tag.value().channels > 0 ? tag.value().channels : 1;
        }
    }
    return 1;
}

}  // namespace

void FrameDecoder::reset() {
    m_video.reset();
    m_audio.reset();
    m_waitKeyframe = true;
}

void FrameDecoder::decode(const media::Frame& frame, InputSlot& slot) {
    if (frame.kind == media::TrackKind::video) {
        decodeVideo(frame, slot);
    } else if (frame.kind == media::TrackKind::audio) {
        decodeAudio(frame, slot);
    }
}

void FrameDecoder::decodeVideo(const media::Frame& frame, InputSlot& slot) {
    if (frame.config) {
        auto d = av::Decoder::open(frame.codec, payloadOf(frame));
        m_video = d ? std::move(d.value()) : nullptr;
        m_waitKeyframe = true;
        return;
    }
    if (!m_video || (m_waitKeyframe && !frame.keyframe)) {
        return;
    }
    m_waitKeyframe = false;
    m_video->decode(payloadOf(frame), frame.pts, [&slot](AVFrame& f) { slot.putPicture(f); });
}

void FrameDecoder::decodeAudio(const media::Frame& frame, InputSlot& slot) {
    if (frame.config || (!m_audio && frame.codec != media::CodecId::AAC) ||
        frame.codec != m_audioCodec) {
        auto d = av::Decoder::open(
            frame.codec, frame.config ? payloadOf(frame) : std::span<const std::uint8_t>{},
            channelsOf(frame));
        m_audio = d ? std::move(d.value()) : nullptr;
        m_audioCodec = frame.codec;
        if (frame.config) {
            return;
        }
    }
    if (m_audio) {
        m_audio->decode(payloadOf(frame), frame.dts, [&slot](AVFrame& f) { slot.putAudio(f); });
    }
}

}  // namespace regie::service::mix
