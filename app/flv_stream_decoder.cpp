#include "flv_stream_decoder.h"

namespace flv = regie::flv;
using regie::media::CodecId;

namespace {

// Codecs whose frames describe themselves: their decoder opens on the first frame.
bool needsNoConfig(CodecId codec) {
    return codec == CodecId::MP3 || codec == CodecId::G711A || codec == CodecId::G711U ||
           codec == CodecId::VP8;
}

}  // namespace

FlvStreamDecoder::FlvStreamDecoder(Output picture, Output sound) {
    m_video.output = std::move(picture);
    m_audio.output = std::move(sound);
}

bool FlvStreamDecoder::feed(std::span<const std::uint8_t> bytes) {
    m_pending.insert(m_pending.end(), bytes.begin(), bytes.end());
    std::size_t used = 0;
    if (!m_headerRead) {
        if (m_pending.size() < flv::kFileHeaderSize + flv::kPreviousTagSizeSize) {
            return true;
        }
        auto header = flv::parseFileHeader(m_pending);
        if (!header) {
            return false;
        }
        used = header.value().dataOffset + flv::kPreviousTagSizeSize;
        m_headerRead = true;
    }
    for (;;) {
        auto parsed = flv::parseTag(flv::ByteView(m_pending).subspan(used));
        if (!parsed) {
            return false;
        }
        if (!parsed.value()) {
            break;  // the rest of the tag is still on its way
        }
        tag(*parsed.value());
        used += parsed.value()->size;
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(used));
    return true;
}

void FlvStreamDecoder::tag(const flv::Tag& tag) {
    const bool video = tag.header.type == flv::TagType::Video;
    if (!video && tag.header.type != flv::TagType::Audio) {
        return;
    }
    m_firstMs = m_firstMs.value_or(tag.header.timestamp);
    m_lastMs = tag.header.timestamp;
    auto parsed = video ? flv::parseVideoTag(tag.body, tag.header.timestamp)
                        : flv::parseAudioTag(tag.body, tag.header.timestamp);
    if (parsed) {  // a codec the engine does not know is left out, like a broken tag
        frame(video ? m_video : m_audio, parsed.value());
    }
}

void FlvStreamDecoder::frame(Track& track, const flv::Frame& frame) {
    if (frame.kind != flv::PacketKind::Coded && frame.kind != flv::PacketKind::Config) {
        return;
    }
    const bool config = frame.isConfig();
    if (config || (needsNoConfig(frame.codec) && (!track.decoder || track.codec != frame.codec))) {
        // VP8's record says nothing a decoder needs; the others' records are its extradata.
        const bool extradata = config && frame.codec != CodecId::VP8;
        auto opened = regie::av::Decoder::open(
            frame.codec, extradata ? frame.payload : flv::ByteView{}, std::max(frame.channels, 1));
        track.decoder = opened ? std::move(opened.value()) : nullptr;
        track.codec = frame.codec;
        track.waitForKeyframe = true;
        if (config) {
            return;
        }
    }
    if (!track.decoder || (track.waitForKeyframe && !frame.keyframe)) {
        return;
    }
    track.waitForKeyframe = false;
    track.decoder->decode(frame.payload, frame.pts, track.output);
}
