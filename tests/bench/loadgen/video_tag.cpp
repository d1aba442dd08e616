#include "video_tag.h"

namespace regie::loadgen {
namespace {

constexpr std::uint8_t kExHeaderBit = 0x80;
constexpr int kKeyFrame = 1;
constexpr int kCommandFrame = 5;
constexpr int kCodecAvc = 7;
constexpr int kCodecHevcLegacy = 12;
constexpr int kAvcPacketNalu = 1;
constexpr int kPacketCodedFrames = 1;
constexpr int kPacketCodedFramesX = 3;
constexpr int kPacketMultitrack = 6;

bool isCodedPacketType(int packetType) {
    return packetType == kPacketCodedFrames || packetType == kPacketCodedFramesX;
}

}  // namespace

VideoTag classifyVideoTag(std::span<const std::uint8_t> head) {
    if (head.empty()) {
        return VideoTag::other;
    }
    std::uint8_t first = head[0];
    int frameType = 0;
    bool coded = false;
    if (first & kExHeaderBit) {
        frameType = (first >> 4) & 0x07;
        int packetType = first & 0x0f;
        if (packetType == kPacketMultitrack) {
            coded = head.size() > 1 && isCodedPacketType(head[1] & 0x0f);
        } else {
            coded = isCodedPacketType(packetType);
        }
    } else {
        frameType = first >> 4;
        int codec = first & 0x0f;
        if (codec == kCodecAvc || codec == kCodecHevcLegacy) {
            coded = head.size() > 1 && head[1] == kAvcPacketNalu;
        } else {
            coded = true;
        }
    }
    if (!coded || frameType == kCommandFrame) {
        return VideoTag::other;
    }
    return frameType == kKeyFrame ? VideoTag::codedKeyFrame : VideoTag::codedFrame;
}

}  // namespace regie::loadgen
