#pragma once
// H.264 (ITU-T H.264): NAL unit types, SPS fields the server reports, and the
// AVCDecoderConfigurationRecord (ISO/IEC 14496-15) carried in FLV sequence headers.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"

namespace regie::media::h264 {

enum class NalType : std::uint8_t {
    NonIdr = 1,
    Idr = 5,
    Sei = 6,
    Sps = 7,
    Pps = 8,
    Aud = 9,
    EndOfSequence = 10,
    EndOfStream = 11,
    Filler = 12,
};

inline NalType nalType(std::uint8_t header) {
    return static_cast<NalType>(header & 0x1f);
}
inline bool isIdr(std::uint8_t header) {
    return nalType(header) == NalType::Idr;
}
inline bool isParameterSet(std::uint8_t header) {
    return nalType(header) == NalType::Sps || nalType(header) == NalType::Pps;
}

struct Sps {
    int profileIdc = 0;
    int constraintFlags = 0;  // constraint_set0..5 in the high bits, as in the bitstream
    int levelIdc = 0;
    int spsId = 0;
    int chromaFormatIdc = 1;
    int bitDepthLuma = 8;
    int bitDepthChroma = 8;
    bool frameMbsOnly = true;
    int codedWidth = 0;  // macroblock-aligned
    int codedHeight = 0;
    int width = 0;  // after frame cropping
    int height = 0;
    std::uint32_t numUnitsInTick = 0;  // VUI timing, 0 when absent
    std::uint32_t timeScale = 0;
    double fps = 0;
};

// nal is one SPS NAL unit including its header byte, still escaped.
core::Result<Sps> parseSps(ByteView nal);
std::string profileName(int profileIdc, int constraintFlags);
std::string levelName(int levelIdc, int constraintFlags);
TrackInfo trackInfo(const Sps& sps);

struct AvcConfig {
    int profileIdc = 0;
    int profileCompatibility = 0;
    int levelIdc = 0;
    int nalLengthSize = 4;
    std::vector<Bytes> sps;
    std::vector<Bytes> pps;
    std::vector<Bytes> spsExt;
    // Only present for the High profiles; many writers omit it.
    bool hasHighProfileFields = false;
    int chromaFormat = 1;
    int bitDepthLumaMinus8 = 0;
    int bitDepthChromaMinus8 = 0;
};

core::Result<AvcConfig> parseAvcConfig(ByteView record);
// Profile, level and the High profile fields are taken from the first SPS.
core::Result<Bytes> buildAvcConfig(const std::vector<Bytes>& sps, const std::vector<Bytes>& pps);

}  // namespace regie::media::h264
