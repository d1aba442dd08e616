#pragma once
// The "rtmp" output format: each frame chunked once into the bytes every RTMP player receives
// (message stream 1, the engine's out chunk size), shared by all of them.

#include "media/media_source.h"

namespace regie::rtmpserver {

inline constexpr std::string_view kRtmpFormat = "rtmp";
// Every play session announces this chunk size, so one chunking serves all players.
inline constexpr std::uint32_t kOutChunkSize = 60000;
inline constexpr std::uint32_t kPlayStreamId = 1;

class RtmpMuxer final : public media::Muxer {
public:
    std::vector<Output> mux(const media::Frame& frame) override;
};

}  // namespace regie::rtmpserver
