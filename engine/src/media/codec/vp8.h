#pragma once
// VP8 (RFC 6386): the key frame header that gives the picture size, and the
// VPCodecConfigurationRecord that Enhanced RTMP sends as a VP8 stream's sequence start.

#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"

namespace regie::media::vp8 {

struct KeyFrameHeader {
    int version = 0;  // the bitstream profile, 0-3
    int width = 0;
    int height = 0;
};

// The frame tag's key frame bit (RFC 6386 §9.1: 0 means key frame).
bool isKeyFrame(ByteView frame);
core::Result<KeyFrameHeader> parseKeyFrameHeader(ByteView frame);
TrackInfo trackInfo(const KeyFrameHeader& header, double fps = 0);

// The 'vpcC' box content (version 1 FullBox header included, as FFmpeg and Enhanced RTMP write
// it) for 8-bit 4:2:0 video with unspecified colour description.
Bytes buildVpConfig(int profile);

}  // namespace regie::media::vp8
