#pragma once
// One coded frame as it enters a MediaSource. Immutable once built and shared by every muxer.

#include <cstdint>

#include "media/buffer.h"
#include "media/codec/codec.h"

namespace regie::media {

enum class TrackKind : std::uint8_t { video, audio, metadata };

struct Frame {
    TrackKind kind = TrackKind::video;
    CodecId codec = CodecId::H264;  // meaningless for metadata
    std::uint32_t dts = 0;          // milliseconds
    std::uint32_t pts = 0;          // milliseconds
    bool keyframe = false;
    bool config = false;  // a sequence header (decoder configuration), not a picture
    SharedBytes flvBody;  // the FLV tag body (RTMP message payload) carrying this frame
    BufferRef payload;    // the coded data inside flvBody (AVCC NAL units, raw AAC, ...)
};

}  // namespace regie::media
