#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "av/decoder.h"
#include "protocol/flv/tag_body.h"

// An HTTP-FLV byte stream decoded for the preview. The engine's own FLV parser reads the tags,
// so the preview shows everything the engine sends: H.264, H.265 (codec id 12 or Enhanced
// RTMP), VP8 and Opus (Enhanced RTMP), AAC, MP3 and G.711. FFmpeg 5.1's FLV demuxer reads
// only the legacy codecs.
class FlvStreamDecoder {
public:
    using Output = std::function<void(AVFrame&)>;

    FlvStreamDecoder(Output picture, Output sound);

    // The next bytes of the stream, from its first byte on. False: this is not FLV.
    bool feed(std::span<const std::uint8_t> bytes);
    // A decoder is open for the video or the audio.
    bool decoding() const { return m_video.decoder || m_audio.decoder; }
    // Stream time covered by the tags read so far.
    std::int64_t spanMs() const { return m_firstMs ? m_lastMs - *m_firstMs : 0; }

private:
    struct Track {
        std::unique_ptr<regie::av::Decoder> decoder;
        regie::media::CodecId codec = regie::media::CodecId::H264;
        bool waitForKeyframe = true;
        Output output;
    };

    void tag(const regie::flv::Tag& tag);
    void frame(Track& track, const regie::flv::Frame& frame);

    std::vector<std::uint8_t> m_pending;
    bool m_headerRead = false;
    Track m_video;
    Track m_audio;
    std::optional<std::int64_t> m_firstMs;
    std::int64_t m_lastMs = 0;
};
