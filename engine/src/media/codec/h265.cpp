#include "media/codec/h265.h"

#include <algorithm>

namespace regie::media::h265 {

namespace {

void parsePtl(BitReader& r, int maxSubLayersMinus1, ProfileTierLevel& ptl) {
    ptl.profileSpace = static_cast<int>(r.bits(2));
    ptl.highTier = r.flag();
    ptl.profileIdc = static_cast<int>(r.bits(5));
    ptl.compatibilityFlags = r.bits(32);
    ptl.constraintFlags = (std::uint64_t{r.bits(16)} << 32) | r.bits(32);
    ptl.levelIdc = static_cast<int>(r.bits(8));
    bool profilePresent[8] = {};
    bool levelPresent[8] = {};
    for (int i = 0; i < maxSubLayersMinus1; ++i) {
        profilePresent[i] = r.flag();
        levelPresent[i] = r.flag();
    }
    if (maxSubLayersMinus1 > 0) {
        r.skip(2 * (8 - static_cast<std::size_t>(maxSubLayersMinus1)));
    }
    for (int i = 0; i < maxSubLayersMinus1; ++i) {
        r.skip(profilePresent[i] ? 88 : 0);
        r.skip(levelPresent[i] ? 8 : 0);
    }
}

// Frame rate from a timing_info pair; H.265 ticks count whole pictures.
double fpsFromTiming(std::uint32_t numUnitsInTick, std::uint32_t timeScale) {
    return numUnitsInTick == 0 ? 0 : static_cast<double>(timeScale) / numUnitsInTick;
}

void skipSubLayerHrd(BitReader& r, std::uint32_t cpbCnt, bool subPicParams) {
    for (std::uint32_t i = 0; i <= cpbCnt && !r.failed(); ++i) {
        r.ue();
        r.ue();
        if (subPicParams) {
            r.ue();
            r.ue();
        }
        r.skip(1);  // cbr_flag
    }
}

void skipHrd(BitReader& r, int maxSubLayersMinus1) {
    bool nal = r.flag();
    bool vcl = r.flag();
    bool subPicParams = false;
    if (nal || vcl) {
        subPicParams = r.flag();
        if (subPicParams) {
            r.skip(8 + 5 + 1 + 5);
        }
        r.skip(8);  // bit_rate_scale, cpb_size_scale
        if (subPicParams) {
            r.skip(4);
        }
        r.skip(15);  // three delay lengths
    }
    for (int i = 0; i <= maxSubLayersMinus1 && !r.failed(); ++i) {
        bool fixedGeneral = r.flag();
        bool fixedWithinCvs = fixedGeneral || r.flag();
        bool lowDelay = false;
        if (fixedWithinCvs) {
            r.ue();  // elemental_duration_in_tc_minus1
        } else {
            lowDelay = r.flag();
        }
        std::uint32_t cpbCnt = 0;
        if (!lowDelay) {
            cpbCnt = r.ue();
            if (cpbCnt > 31) {
                r.fail();
                return;
            }
        }
        if (nal) {
            skipSubLayerHrd(r, cpbCnt, subPicParams);
        }
        if (vcl) {
            skipSubLayerHrd(r, cpbCnt, subPicParams);
        }
    }
}

void skipScalingListData(BitReader& r) {
    for (int sizeId = 0; sizeId < 4; ++sizeId) {
        for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
            if (!r.flag()) {
                r.ue();  // scaling_list_pred_matrix_id_delta
                continue;
            }
            int coefNum = std::min(64, 1 << (4 + (sizeId << 1)));
            if (sizeId > 1) {
                r.se();
            }
            for (int i = 0; i < coefNum; ++i) {
                r.se();
            }
        }
    }
}

void skipShortTermRefPicSets(BitReader& r, std::uint32_t count) {
    std::uint32_t numDeltaPocs[64] = {};
    for (std::uint32_t idx = 0; idx < count && !r.failed(); ++idx) {
        if (idx != 0 && r.flag()) {  // inter_ref_pic_set_prediction_flag
            r.skip(1);               // delta_rps_sign
            r.ue();                  // abs_delta_rps_minus1
            std::uint32_t used = 0;
            for (std::uint32_t j = 0; j <= numDeltaPocs[idx - 1]; ++j) {
                bool usedByCurr = r.flag();
                bool useDelta = usedByCurr || r.flag();
                used += useDelta ? 1 : 0;
            }
            numDeltaPocs[idx] = used;
        } else {
            std::uint32_t negative = r.ue();
            std::uint32_t positive = r.ue();
            if (negative > 16 || positive > 16) {
                r.fail();
                return;
            }
            for (std::uint32_t i = 0; i < negative + positive; ++i) {
                r.ue();
                r.skip(1);
            }
            numDeltaPocs[idx] = negative + positive;
        }
        if (numDeltaPocs[idx] > 32) {
            r.fail();
        }
    }
}

// Everything after the bit depths: only needed for the VUI (frame rate and
// min_spatial_segmentation_idc).
void parseSpsTail(BitReader& r, Sps& sps) {
    std::uint32_t log2MaxPocLsb = r.ue() + 4;
    bool orderingInfo = r.flag();
    for (int i = orderingInfo ? 0 : sps.maxSubLayers - 1; i < sps.maxSubLayers; ++i) {
        r.ue();
        r.ue();
        r.ue();
    }
    for (int i = 0; i < 6; ++i) {
        r.ue();  // coding/transform block sizes and hierarchy depths
    }
    if (r.flag() && r.flag()) {  // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
        skipScalingListData(r);
    }
    r.skip(2);       // amp_enabled_flag, sample_adaptive_offset_enabled_flag
    if (r.flag()) {  // pcm_enabled_flag
        r.skip(8);
        r.ue();
        r.ue();
        r.skip(1);
    }
    std::uint32_t shortTermSets = r.ue();
    if (shortTermSets > 64) {
        r.fail();
        return;
    }
    skipShortTermRefPicSets(r, shortTermSets);
    if (r.flag()) {  // long_term_ref_pics_present_flag
        std::uint32_t longTerm = r.ue();
        if (longTerm > 32 || log2MaxPocLsb > 16) {
            r.fail();
            return;
        }
        for (std::uint32_t i = 0; i < longTerm; ++i) {
            r.skip(log2MaxPocLsb + 1);
        }
    }
    r.skip(2);        // sps_temporal_mvp_enabled_flag, strong_intra_smoothing_enabled_flag
    if (!r.flag()) {  // vui_parameters_present_flag
        return;
    }
    if (r.flag() && r.bits(8) == 255) {  // aspect_ratio_info_present_flag, aspect_ratio_idc
        r.skip(32);
    }
    if (r.flag()) {  // overscan_info_present_flag
        r.skip(1);
    }
    if (r.flag()) {  // video_signal_type_present_flag
        r.skip(4);
        if (r.flag()) {
            r.skip(24);
        }
    }
    if (r.flag()) {  // chroma_loc_info_present_flag
        r.ue();
        r.ue();
    }
    r.skip(3);       // neutral_chroma, field_seq, frame_field_info_present
    if (r.flag()) {  // default_display_window_flag
        for (int i = 0; i < 4; ++i) {
            r.ue();
        }
    }
    if (r.flag()) {  // vui_timing_info_present_flag
        std::uint32_t units = r.bits(32);
        std::uint32_t scale = r.bits(32);
        if (units == 0 || scale == 0) {
            r.fail();
            return;
        }
        sps.numUnitsInTick = units;
        sps.timeScale = scale;
        sps.fps = fpsFromTiming(units, scale);
        if (r.flag()) {  // vui_poc_proportional_to_timing_flag
            r.ue();
        }
        if (r.flag()) {  // vui_hrd_parameters_present_flag
            skipHrd(r, sps.maxSubLayers - 1);
        }
    }
    if (r.flag()) {  // bitstream_restriction_flag
        r.skip(3);   // tiles_fixed_structure, motion_vectors_over_pic_boundaries,
                     // restricted_ref_pic_lists
        sps.minSpatialSegmentation = static_cast<int>(std::min<std::uint32_t>(r.ue(), 4095));
    }
}

std::string levelFromIdc(int levelIdc) {
    std::string name = std::to_string(levelIdc / 30);
    if (levelIdc % 30 != 0) {
        name += '.' + std::to_string(levelIdc % 30 / 3);
    }
    return name;
}

}  // namespace

core::Result<Vps> parseVps(ByteView nal) {
    if (nal.size() < 2 || nalType(nal[0]) != NalType::Vps) {
        return core::Error{"not an H.265 VPS"};
    }
    Bytes rbsp = unescapeRbsp(nal.subspan(2));
    BitReader r(rbsp);
    Vps vps;
    vps.vpsId = static_cast<int>(r.bits(4));
    r.skip(2 + 6);  // base layer flags, vps_max_layers_minus1
    vps.maxSubLayers = static_cast<int>(r.bits(3)) + 1;
    vps.temporalIdNesting = r.flag();
    r.skip(16);
    parsePtl(r, vps.maxSubLayers - 1, vps.ptl);
    if (r.failed() || vps.maxSubLayers > 7) {
        return core::Error{"malformed H.265 VPS"};
    }
    bool orderingInfo = r.flag();
    for (int i = orderingInfo ? 0 : vps.maxSubLayers - 1; i < vps.maxSubLayers; ++i) {
        r.ue();
        r.ue();
        r.ue();
    }
    std::uint32_t maxLayerId = r.bits(6);
    std::uint32_t layerSets = r.ue() + 1;
    if (layerSets > 1024) {
        return vps;
    }
    r.skip(static_cast<std::size_t>(layerSets - 1) * (maxLayerId + 1));
    if (r.flag()) {  // vps_timing_info_present_flag
        std::uint32_t units = r.bits(32);
        std::uint32_t scale = r.bits(32);
        if (!r.failed() && units != 0 && scale != 0) {
            vps.numUnitsInTick = units;
            vps.timeScale = scale;
        }
    }
    return vps;
}

core::Result<Sps> parseSps(ByteView nal) {
    if (nal.size() < 2 || nalType(nal[0]) != NalType::Sps) {
        return core::Error{"not an H.265 SPS"};
    }
    Bytes rbsp = unescapeRbsp(nal.subspan(2));
    BitReader r(rbsp);
    Sps sps;
    sps.vpsId = static_cast<int>(r.bits(4));
    sps.maxSubLayers = static_cast<int>(r.bits(3)) + 1;
    sps.temporalIdNesting = r.flag();
    if (sps.maxSubLayers > 7) {
        return core::Error{"malformed H.265 SPS"};
    }
    parsePtl(r, sps.maxSubLayers - 1, sps.ptl);
    sps.spsId = static_cast<int>(r.ue());
    sps.chromaFormatIdc = static_cast<int>(r.ue());
    bool separateColourPlane = sps.chromaFormatIdc == 3 && r.flag();
    std::uint32_t width = r.ue();
    std::uint32_t height = r.ue();
    std::uint32_t window[4] = {0, 0, 0, 0};
    if (r.flag()) {  // conformance_window_flag
        for (auto& w : window) {
            w = r.ue();
        }
    }
    std::uint32_t lumaMinus8 = r.ue();
    std::uint32_t chromaMinus8 = r.ue();
    if (r.failed() || sps.spsId > 15 || sps.chromaFormatIdc > 3 || width == 0 || height == 0 ||
        width > 16888 || height > 16888 || lumaMinus8 > 8 || chromaMinus8 > 8) {
        return core::Error{"malformed H.265 SPS"};
    }
    sps.codedWidth = static_cast<int>(width);
    sps.codedHeight = static_cast<int>(height);
    sps.bitDepthLuma = static_cast<int>(lumaMinus8) + 8;
    sps.bitDepthChroma = static_cast<int>(chromaMinus8) + 8;
    int subWidth = 1;
    int subHeight = 1;
    if (!separateColourPlane) {
        subWidth = sps.chromaFormatIdc == 1 || sps.chromaFormatIdc == 2 ? 2 : 1;
        subHeight = sps.chromaFormatIdc == 1 ? 2 : 1;
    }
    std::int64_t croppedWidth =
        std::int64_t{width} - (std::int64_t{window[0]} + window[1]) * subWidth;
    std::int64_t croppedHeight =
        std::int64_t{height} - (std::int64_t{window[2]} + window[3]) * subHeight;
    if (croppedWidth <= 0 || croppedHeight <= 0) {
        return core::Error{"H.265 SPS: conformance window exceeds the picture"};
    }
    sps.width = static_cast<int>(croppedWidth);
    sps.height = static_cast<int>(croppedHeight);
    // A damaged or unusual tail only costs the VUI values; the picture format is known.
    parseSpsTail(r, sps);
    if (r.failed()) {
        sps.numUnitsInTick = 0;
        sps.timeScale = 0;
        sps.fps = 0;
        sps.minSpatialSegmentation = 0;
    }
    return sps;
}

std::string profileName(const ProfileTierLevel& ptl) {
    int profile = ptl.profileIdc;
    for (int i = 1; profile == 0 && i < 32; ++i) {
        if (ptl.compatibilityFlags & (0x80000000u >> i)) {
            profile = i;
        }
    }
    switch (profile) {
        case 1:
            return "Main";
        case 2:
            return "Main 10";
        case 3:
            return "Main Still Picture";
        case 4:
            return "Rext";
        case 9:
            return "SCC";
        default:
            return std::to_string(profile);
    }
}

std::string levelName(int levelIdc) {
    return levelFromIdc(levelIdc);
}

TrackInfo trackInfo(const Sps& sps, const Vps* vps) {
    TrackInfo info;
    info.codec = CodecId::H265;
    info.width = sps.width;
    info.height = sps.height;
    info.fps = sps.fps;
    if (info.fps == 0 && vps != nullptr) {
        info.fps = fpsFromTiming(vps->numUnitsInTick, vps->timeScale);
    }
    info.profile = profileName(sps.ptl);
    info.level = levelName(sps.ptl.levelIdc);
    info.bitDepth = sps.bitDepthLuma;
    return info;
}

const std::vector<Bytes>* HevcConfig::units(NalType type) const {
    for (const Array& array : arrays) {
        if (array.type == type) {
            return &array.units;
        }
    }
    return nullptr;
}

core::Result<HevcConfig> parseHevcConfig(ByteView record) {
    ByteReader r(record);
    HevcConfig config;
    if (r.u8() != 1) {
        return core::Error{"HEVCDecoderConfigurationRecord: bad version"};
    }
    std::uint8_t b = r.u8();
    config.ptl.profileSpace = b >> 6;
    config.ptl.highTier = (b & 0x20) != 0;
    config.ptl.profileIdc = b & 0x1f;
    config.ptl.compatibilityFlags = r.u32();
    config.ptl.constraintFlags = r.be(6);
    config.ptl.levelIdc = r.u8();
    config.minSpatialSegmentation = r.u16() & 0x0fff;
    config.parallelismType = r.u8() & 0x03;
    config.chromaFormat = r.u8() & 0x03;
    config.bitDepthLumaMinus8 = r.u8() & 0x07;
    config.bitDepthChromaMinus8 = r.u8() & 0x07;
    config.avgFrameRate = r.u16();
    b = r.u8();
    config.constantFrameRate = b >> 6;
    config.numTemporalLayers = (b >> 3) & 0x07;
    config.temporalIdNested = (b & 0x04) != 0;
    config.nalLengthSize = (b & 0x03) + 1;
    int arrays = r.u8();
    for (int i = 0; i < arrays && !r.failed(); ++i) {
        HevcConfig::Array array;
        b = r.u8();
        array.complete = (b & 0x80) != 0;
        array.type = static_cast<NalType>(b & 0x3f);
        int count = r.u16();
        for (int j = 0; j < count && !r.failed(); ++j) {
            ByteView unit = r.take(r.u16());
            if (!unit.empty()) {
                array.units.emplace_back(unit.begin(), unit.end());
            }
        }
        config.arrays.push_back(std::move(array));
    }
    if (r.failed()) {
        return core::Error{"truncated HEVCDecoderConfigurationRecord"};
    }
    if (config.nalLengthSize == 3) {
        return core::Error{"HEVCDecoderConfigurationRecord: NAL length size 3"};
    }
    return config;
}

core::Result<Bytes> buildHevcConfig(const std::vector<Bytes>& vps, const std::vector<Bytes>& sps,
                                    const std::vector<Bytes>& pps,
                                    const std::vector<Bytes>& prefixSei) {
    if (vps.empty() || sps.empty() || pps.empty()) {
        return core::Error{"HEVC configuration needs VPS, SPS and PPS"};
    }
    for (const auto* sets : {&vps, &sps, &pps, &prefixSei}) {
        if (sets->size() > 0xffff || std::any_of(sets->begin(), sets->end(), [](const Bytes& set) {
                return set.size() > 0xffff;
            })) {
            return core::Error{"HEVC parameter set too long"};
        }
    }
    auto first = parseSps(sps.front());
    if (!first) {
        return first.error();
    }
    const Sps& s = first.value();
    Bytes out{1, static_cast<std::uint8_t>((s.ptl.profileSpace << 6) | (s.ptl.highTier ? 0x20 : 0) |
                                           s.ptl.profileIdc)};
    appendBe(out, s.ptl.compatibilityFlags, 4);
    appendBe(out, s.ptl.constraintFlags, 6);
    out.push_back(static_cast<std::uint8_t>(s.ptl.levelIdc));
    appendBe(out, 0xf000u | static_cast<unsigned>(s.minSpatialSegmentation), 2);
    // parallelismType needs the PPS tiles/WPP flags; 0 means "unknown", which is always valid.
    out.push_back(0xfc);
    out.push_back(static_cast<std::uint8_t>(0xfc | s.chromaFormatIdc));
    out.push_back(static_cast<std::uint8_t>(0xf8 | (s.bitDepthLuma - 8)));
    out.push_back(static_cast<std::uint8_t>(0xf8 | (s.bitDepthChroma - 8)));
    appendBe(out, 0, 2);  // avgFrameRate: unspecified
    out.push_back(
        static_cast<std::uint8_t>((s.maxSubLayers << 3) | (s.temporalIdNesting ? 4 : 0) | 3));
    out.push_back(prefixSei.empty() ? 3 : 4);
    auto appendArray = [&out](NalType type, const std::vector<Bytes>& units) {
        out.push_back(static_cast<std::uint8_t>(0x80 | static_cast<int>(type)));
        appendBe(out, units.size(), 2);
        for (const Bytes& unit : units) {
            appendBe(out, unit.size(), 2);
            out.insert(out.end(), unit.begin(), unit.end());
        }
    };
    appendArray(NalType::Vps, vps);
    appendArray(NalType::Sps, sps);
    appendArray(NalType::Pps, pps);
    if (!prefixSei.empty()) {
        appendArray(NalType::SeiPrefix, prefixSei);
    }
    return out;
}

}  // namespace regie::media::h265
