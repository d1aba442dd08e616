#pragma once
// The simpler audio codecs: Opus (OpusHead, RFC 7845), G.711 and MPEG audio (MP3) frame headers.

#include <cstdint>

#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"

namespace regie::media {

namespace opus {

struct OpusHead {
    int version = 1;
    int channels = 2;
    int preSkip = 0;
    std::uint32_t inputSampleRate = 0;  // informational; Opus always decodes at 48 kHz
    int outputGain = 0;                 // Q7.8 dB
    int mappingFamily = 0;
};

// data starts with the "OpusHead" magic.
core::Result<OpusHead> parseOpusHead(ByteView data);
TrackInfo trackInfo(const OpusHead& head);

}  // namespace opus

namespace g711 {
// G.711 is always 8 kHz; only the channel count varies (FLV signals it in the tag header).
TrackInfo trackInfo(CodecId codec, int channels = 1);
}  // namespace g711

namespace mp3 {

struct FrameHeader {
    int version = 1;  // 1 = MPEG-1, 2 = MPEG-2, 25 = MPEG-2.5
    int layer = 3;
    int sampleRate = 0;
    int channels = 0;
};

core::Result<FrameHeader> parseFrameHeader(ByteView data);
TrackInfo trackInfo(const FrameHeader& header);

}  // namespace mp3

}  // namespace regie::media
