#include "media/codec/h264.h"

#include <algorithm>

namespace regie::media::h264 {

namespace {

bool hasChromaInfo(int profileIdc) {
    switch (profileIdc) {
        case 100:
        case 110:
        case 122:
        case 244:
        case 44:
        case 83:
        case 86:
        case 118:
        case 128:
        case 138:
        case 139:
        case 134:
        case 135:
            return true;
        default:
            return false;
    }
}

// ISO/IEC 14496-15 appends chroma format and bit depths only for these profiles.
bool hasConfigExtension(int profileIdc) {
    return profileIdc == 100 || profileIdc == 110 || profileIdc == 122 || profileIdc == 144;
}

void skipScalingList(BitReader& r, int size) {
    int lastScale = 8;
    int nextScale = 8;
    for (int j = 0; j < size && !r.failed(); ++j) {
        if (nextScale != 0) {
            nextScale = (lastScale + r.se() + 256) % 256;
        }
        lastScale = nextScale == 0 ? lastScale : nextScale;
    }
}

void parseVuiTiming(BitReader& r, Sps& sps) {
    if (r.flag()) {  // aspect_ratio_info_present_flag
        if (r.bits(8) == 255) {
            r.skip(32);  // sar_width, sar_height
        }
    }
    if (r.flag()) {  // overscan_info_present_flag
        r.skip(1);
    }
    if (r.flag()) {  // video_signal_type_present_flag
        r.skip(4);
        if (r.flag()) {  // colour_description_present_flag
            r.skip(24);
        }
    }
    if (r.flag()) {  // chroma_loc_info_present_flag
        r.ue();
        r.ue();
    }
    if (r.flag()) {  // timing_info_present_flag
        std::uint32_t units = r.bits(32);
        std::uint32_t scale = r.bits(32);
        if (!r.failed() && units != 0 && scale != 0) {
            sps.numUnitsInTick = units;
            sps.timeScale = scale;
            sps.fps = static_cast<double>(scale) / (2.0 * units);
        }
    }
}

std::string levelFromIdc(int levelIdc) {
    std::string name = std::to_string(levelIdc / 10);
    if (levelIdc % 10 != 0) {
        name += '.' + std::to_string(levelIdc % 10);
    }
    return name;
}

}  // namespace

core::Result<Sps> parseSps(ByteView nal) {
    if (nal.empty() || nalType(nal[0]) != NalType::Sps) {
        return core::Error{"not an H.264 SPS"};
    }
    Bytes rbsp = unescapeRbsp(nal.subspan(1));
    BitReader r(rbsp);
    Sps sps;
    sps.profileIdc = static_cast<int>(r.bits(8));
    sps.constraintFlags = static_cast<int>(r.bits(8));
    sps.levelIdc = static_cast<int>(r.bits(8));
    sps.spsId = static_cast<int>(r.ue());
    bool separateColourPlane = false;
    if (hasChromaInfo(sps.profileIdc)) {
        sps.chromaFormatIdc = static_cast<int>(r.ue());
        if (sps.chromaFormatIdc == 3) {
            separateColourPlane = r.flag();
        }
        sps.bitDepthLuma = static_cast<int>(r.ue()) + 8;
        sps.bitDepthChroma = static_cast<int>(r.ue()) + 8;
        r.skip(1);       // qpprime_y_zero_transform_bypass_flag
        if (r.flag()) {  // seq_scaling_matrix_present_flag
            int lists = sps.chromaFormatIdc != 3 ? 8 : 12;
            for (int i = 0; i < lists; ++i) {
                if (r.flag()) {
                    skipScalingList(r, i < 6 ? 16 : 64);
                }
            }
        }
    }
    r.ue();  // log2_max_frame_num_minus4
    std::uint32_t pocType = r.ue();
    if (pocType == 0) {
        r.ue();  // log2_max_pic_order_cnt_lsb_minus4
    } else if (pocType == 1) {
        r.skip(1);  // delta_pic_order_always_zero_flag
        r.se();     // offset_for_non_ref_pic
        r.se();     // offset_for_top_to_bottom_field
        std::uint32_t cycle = r.ue();
        if (cycle > 255) {
            return core::Error{"H.264 SPS: num_ref_frames_in_pic_order_cnt_cycle out of range"};
        }
        for (std::uint32_t i = 0; i < cycle; ++i) {
            r.se();
        }
    }
    r.ue();     // max_num_ref_frames
    r.skip(1);  // gaps_in_frame_num_value_allowed_flag
    std::uint32_t widthMbs = r.ue() + 1;
    std::uint32_t heightMapUnits = r.ue() + 1;
    sps.frameMbsOnly = r.flag();
    if (!sps.frameMbsOnly) {
        r.skip(1);  // mb_adaptive_frame_field_flag
    }
    r.skip(1);  // direct_8x8_inference_flag
    std::uint32_t crop[4] = {0, 0, 0, 0};
    if (r.flag()) {
        for (auto& c : crop) {
            c = r.ue();
        }
    }
    if (r.failed() || sps.chromaFormatIdc > 3 || sps.bitDepthLuma > 14 || sps.bitDepthChroma > 14 ||
        widthMbs > 1024 || heightMapUnits > 1024) {
        return core::Error{"malformed H.264 SPS"};
    }
    int frameFactor = sps.frameMbsOnly ? 1 : 2;
    sps.codedWidth = static_cast<int>(widthMbs) * 16;
    sps.codedHeight = static_cast<int>(heightMapUnits) * 16 * frameFactor;
    int cropUnitX = 1;
    int cropUnitY = frameFactor;
    if (sps.chromaFormatIdc != 0 && !separateColourPlane) {
        cropUnitX = sps.chromaFormatIdc == 3 ? 1 : 2;
        cropUnitY *= sps.chromaFormatIdc == 1 ? 2 : 1;
    }
    std::int64_t width =
        sps.codedWidth - static_cast<std::int64_t>(crop[0] + std::int64_t{crop[1]}) * cropUnitX;
    std::int64_t height =
        sps.codedHeight - static_cast<std::int64_t>(crop[2] + std::int64_t{crop[3]}) * cropUnitY;
    if (width <= 0 || height <= 0) {
        return core::Error{"H.264 SPS: cropping exceeds the picture"};
    }
    sps.width = static_cast<int>(width);
    sps.height = static_cast<int>(height);
    if (r.flag()) {  // vui_parameters_present_flag
        // A truncated VUI only costs the frame rate; the picture size is already known.
        parseVuiTiming(r, sps);
    }
    return sps;
}

std::string profileName(int profileIdc, int constraintFlags) {
    bool set1 = (constraintFlags & 0x40) != 0;
    bool set3 = (constraintFlags & 0x10) != 0;
    switch (profileIdc) {
        case 66:
            return set1 ? "Constrained Baseline" : "Baseline";
        case 77:
            return "Main";
        case 88:
            return "Extended";
        case 100:
            return "High";
        case 110:
            return set3 ? "High 10 Intra" : "High 10";
        case 122:
            return set3 ? "High 4:2:2 Intra" : "High 4:2:2";
        case 244:
            return set3 ? "High 4:4:4 Intra" : "High 4:4:4 Predictive";
        case 44:
            return "CAVLC 4:4:4";
        default:
            return std::to_string(profileIdc);
    }
}

std::string levelName(int levelIdc, int constraintFlags) {
    // Level 1b is signalled as 11 + constraint_set3 outside the High profiles, or as 9.
    if (levelIdc == 9 || (levelIdc == 11 && (constraintFlags & 0x10) != 0)) {
        return "1b";
    }
    return levelFromIdc(levelIdc);
}

TrackInfo trackInfo(const Sps& sps) {
    TrackInfo info;
    info.codec = CodecId::H264;
    info.width = sps.width;
    info.height = sps.height;
    info.fps = sps.fps;
    info.profile = profileName(sps.profileIdc, sps.constraintFlags);
    info.level = levelName(sps.levelIdc, sps.constraintFlags);
    info.bitDepth = sps.bitDepthLuma;
    return info;
}

core::Result<AvcConfig> parseAvcConfig(ByteView record) {
    ByteReader r(record);
    AvcConfig config;
    if (r.u8() != 1) {
        return core::Error{"AVCDecoderConfigurationRecord: bad version"};
    }
    config.profileIdc = r.u8();
    config.profileCompatibility = r.u8();
    config.levelIdc = r.u8();
    config.nalLengthSize = (r.u8() & 0x03) + 1;
    if (config.nalLengthSize == 3) {
        return core::Error{"AVCDecoderConfigurationRecord: NAL length size 3"};
    }
    auto readSets = [&r](int count, std::vector<Bytes>& out) {
        for (int i = 0; i < count && !r.failed(); ++i) {
            ByteView set = r.take(r.u16());
            if (!set.empty()) {
                out.emplace_back(set.begin(), set.end());
            }
        }
    };
    readSets(r.u8() & 0x1f, config.sps);
    readSets(r.u8(), config.pps);
    if (r.failed()) {
        return core::Error{"truncated AVCDecoderConfigurationRecord"};
    }
    if (config.sps.empty()) {
        return core::Error{"AVCDecoderConfigurationRecord without SPS"};
    }
    if (hasConfigExtension(config.profileIdc) && r.remaining() >= 4) {
        config.chromaFormat = r.u8() & 0x03;
        config.bitDepthLumaMinus8 = r.u8() & 0x07;
        config.bitDepthChromaMinus8 = r.u8() & 0x07;
        readSets(r.u8(), config.spsExt);
        config.hasHighProfileFields = !r.failed();
    }
    return config;
}

core::Result<Bytes> buildAvcConfig(const std::vector<Bytes>& sps, const std::vector<Bytes>& pps) {
    if (sps.empty() || pps.empty() || sps.size() > 31 || pps.size() > 255) {
        return core::Error{"AVC configuration needs 1-31 SPS and 1-255 PPS"};
    }
    auto tooLong = [](const Bytes& set) { return set.size() > 0xffff; };
    if (std::any_of(sps.begin(), sps.end(), tooLong) ||
        std::any_of(pps.begin(), pps.end(), tooLong)) {
        return core::Error{"AVC parameter set longer than 65535 bytes"};
    }
    auto first = parseSps(sps.front());
    if (!first) {
        return first.error();
    }
    const Sps& s = first.value();
    Bytes out{1, static_cast<std::uint8_t>(s.profileIdc),
              static_cast<std::uint8_t>(s.constraintFlags), static_cast<std::uint8_t>(s.levelIdc),
              0xff};
    auto appendSets = [&out](const std::vector<Bytes>& sets) {
        for (const Bytes& set : sets) {
            appendBe(out, set.size(), 2);
            out.insert(out.end(), set.begin(), set.end());
        }
    };
    out.push_back(static_cast<std::uint8_t>(0xe0 | sps.size()));
    appendSets(sps);
    out.push_back(static_cast<std::uint8_t>(pps.size()));
    appendSets(pps);
    if (hasConfigExtension(s.profileIdc)) {
        out.push_back(static_cast<std::uint8_t>(0xfc | s.chromaFormatIdc));
        out.push_back(static_cast<std::uint8_t>(0xf8 | (s.bitDepthLuma - 8)));
        out.push_back(static_cast<std::uint8_t>(0xf8 | (s.bitDepthChroma - 8)));
        out.push_back(0);
    }
    return out;
}

}  // namespace regie::media::h264
