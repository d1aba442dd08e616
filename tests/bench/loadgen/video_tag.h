#pragma once

#include <cstdint>
#include <span>

namespace regie::loadgen {

enum class VideoTag { other, codedFrame, codedKeyFrame };

// The first two bytes of a video tag body (FLV tag or RTMP message) are enough to tell.
inline constexpr std::size_t kVideoTagHeadSize = 2;

// Legacy AVC/HEVC tags carry frames when AVCPacketType is 1; enhanced RTMP ones when the
// packet type is CodedFrames or CodedFramesX, also inside a multitrack packet.
VideoTag classifyVideoTag(std::span<const std::uint8_t> head);

}  // namespace regie::loadgen
