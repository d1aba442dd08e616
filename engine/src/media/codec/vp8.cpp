#include "media/codec/vp8.h"

namespace regie::media::vp8 {

namespace {
constexpr std::size_t kKeyFrameHeaderSize = 10;  // frame tag, start code, width, height
constexpr std::uint8_t kStartCode[3] = {0x9d, 0x01, 0x2a};
constexpr int kUnspecified = 2;  // colour primaries / transfer / matrix (ISO/IEC 23091-2)
}  // namespace

bool isKeyFrame(ByteView frame) {
    return !frame.empty() && (frame[0] & 0x01) == 0;
}

core::Result<KeyFrameHeader> parseKeyFrameHeader(ByteView frame) {
    if (frame.size() < kKeyFrameHeaderSize || !isKeyFrame(frame)) {
        return core::Error{"not a VP8 key frame"};
    }
    if (frame[3] != kStartCode[0] || frame[4] != kStartCode[1] || frame[5] != kStartCode[2]) {
        return core::Error{"VP8 key frame without its start code"};
    }
    KeyFrameHeader header;
    header.version = (frame[0] >> 1) & 0x07;
    // 14 bits of size, then 2 bits of upscaling the decoder does not apply to the size.
    header.width = (frame[6] | (frame[7] << 8)) & 0x3fff;
    header.height = (frame[8] | (frame[9] << 8)) & 0x3fff;
    if (header.version > 3 || header.width == 0 || header.height == 0) {
        return core::Error{"bad VP8 key frame header"};
    }
    return header;
}

TrackInfo trackInfo(const KeyFrameHeader& header, double fps) {
    TrackInfo info;
    info.codec = CodecId::VP8;
    info.width = header.width;
    info.height = header.height;
    info.fps = fps;
    info.profile = std::to_string(header.version);
    info.bitDepth = 8;
    return info;
}

Bytes buildVpConfig(int profile) {
    constexpr int kBitDepth = 8;
    constexpr int kChroma420 = 0;  // 4:2:0, chroma sited between the luma rows
    return {
        1,
        0,
        0,
        0,  // FullBox: version 1, flags 0
        static_cast<std::uint8_t>(profile),
        0,                                                                // level: VP8 defines none
        static_cast<std::uint8_t>((kBitDepth << 4) | (kChroma420 << 1)),  // full range flag 0
        kUnspecified,
        kUnspecified,
        kUnspecified,
        0,
        0,  // no codec initialization data
    };
}

}  // namespace regie::media::vp8
