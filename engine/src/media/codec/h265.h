#pragma once
// H.265 (ITU-T H.265): NAL unit types, VPS/SPS fields the server reports, and the
// HEVCDecoderConfigurationRecord (ISO/IEC 14496-15) carried in FLV sequence headers.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "media/codec/bit_reader.h"
#include "media/codec/codec.h"

namespace regie::media::h265 {

enum class NalType : std::uint8_t {
    TrailN = 0,
    TrailR = 1,
    BlaWLp = 16,
    BlaWRadl = 17,
    BlaNLp = 18,
    IdrWRadl = 19,
    IdrNLp = 20,
    Cra = 21,
    Vps = 32,
    Sps = 33,
    Pps = 34,
    Aud = 35,
    EndOfSequence = 36,
    EndOfBitstream = 37,
    Filler = 38,
    SeiPrefix = 39,
    SeiSuffix = 40,
};

// header is the first of the two NAL header bytes.
inline NalType nalType(std::uint8_t header) {
    return static_cast<NalType>((header >> 1) & 0x3f);
}
inline bool isIrap(std::uint8_t header) {
    auto type = static_cast<int>(nalType(header));
    return type >= 16 && type <= 23;
}
inline bool isIdr(std::uint8_t header) {
    return nalType(header) == NalType::IdrWRadl || nalType(header) == NalType::IdrNLp;
}
inline bool isCra(std::uint8_t header) {
    return nalType(header) == NalType::Cra;
}
inline bool isParameterSet(std::uint8_t header) {
    auto type = nalType(header);
    return type == NalType::Vps || type == NalType::Sps || type == NalType::Pps;
}

struct ProfileTierLevel {
    int profileSpace = 0;
    bool highTier = false;
    int profileIdc = 0;
    std::uint32_t compatibilityFlags = 0;
    std::uint64_t constraintFlags = 0;  // the 48 bits after the compatibility flags
    int levelIdc = 0;                   // 30 x level number
};

struct Vps {
    int vpsId = 0;
    int maxSubLayers = 1;
    bool temporalIdNesting = false;
    ProfileTierLevel ptl;
    std::uint32_t numUnitsInTick = 0;  // 0 when no timing information
    std::uint32_t timeScale = 0;
};

struct Sps {
    int vpsId = 0;
    int maxSubLayers = 1;
    bool temporalIdNesting = false;
    ProfileTierLevel ptl;
    int spsId = 0;
    int chromaFormatIdc = 1;
    int codedWidth = 0;  // pic_width/height_in_luma_samples
    int codedHeight = 0;
    int width = 0;  // after the conformance window
    int height = 0;
    int bitDepthLuma = 8;
    int bitDepthChroma = 8;
    // From the VUI; left 0 when absent or when the VUI cannot be read.
    std::uint32_t numUnitsInTick = 0;
    std::uint32_t timeScale = 0;
    double fps = 0;
    int minSpatialSegmentation = 0;
};

// nal is one NAL unit including its 2-byte header, still escaped.
core::Result<Vps> parseVps(ByteView nal);
core::Result<Sps> parseSps(ByteView nal);
std::string profileName(const ProfileTierLevel& ptl);
std::string levelName(int levelIdc);
// vps, when given, supplies the frame rate if the SPS has no VUI timing.
TrackInfo trackInfo(const Sps& sps, const Vps* vps = nullptr);

struct HevcConfig {
    ProfileTierLevel ptl;
    int minSpatialSegmentation = 0;
    int parallelismType = 0;
    int chromaFormat = 1;
    int bitDepthLumaMinus8 = 0;
    int bitDepthChromaMinus8 = 0;
    int avgFrameRate = 0;
    int constantFrameRate = 0;
    int numTemporalLayers = 1;
    bool temporalIdNested = false;
    int nalLengthSize = 4;
    struct Array {
        bool complete = true;
        NalType type = NalType::Vps;
        std::vector<Bytes> units;
    };
    std::vector<Array> arrays;

    const std::vector<Bytes>* units(NalType type) const;
};

core::Result<HevcConfig> parseHevcConfig(ByteView record);
// Profile, tier, level, chroma format and bit depths come from the first SPS. `prefixSei`, when
// given, is a fourth array (as FFmpeg's hvcC writer keeps an encoder's header SEI).
core::Result<Bytes> buildHevcConfig(const std::vector<Bytes>& vps, const std::vector<Bytes>& sps,
                                    const std::vector<Bytes>& pps,
                                    const std::vector<Bytes>& prefixSei = {});

}  // namespace regie::media::h265
