#pragma once
// The "flv" output format: each frame becomes one FLV tag (11-byte tag header, the frame's FLV
// body shared as-is, 4-byte previous-tag-size), used by HTTP-FLV and WS-FLV players.

#include "media/media_source.h"

namespace regie::media {

inline constexpr std::string_view kFlvFormat = "flv";

class FlvMuxer final : public Muxer {
public:
    std::vector<Output> mux(const Frame& frame) override;
};

// The 13-byte FLV file header (signature, version, audio/video flags, first previous-tag-size).
SharedBytes flvFileHeader(bool hasAudio, bool hasVideo);

}  // namespace regie::media
