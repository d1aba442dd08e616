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

// The output formats of every live source: RTMP and FLV (HTTP-FLV, WS-FLV).
void addLiveFormats(media::MediaSource& source);

}  // namespace regie::rtmpserver
