#include "av/sei.h"

namespace regie::av {

namespace {

constexpr std::uint8_t kUserDataUnregistered = 5;

// H.264: nal_ref_idc 0, nal_unit_type 6. H.265: nal_unit_type 39 (prefix SEI), layer 0,
// temporal id 0 (+1).
std::vector<std::uint8_t> nalHeader(VideoCodec codec) {
    if (codec == VideoCodec::h265) {
        return {39 << 1, 0x01};
    }
    return {0x06};
}

// Slices: H.264 types 1-5; H.265 the VCL types 0-31.
bool isSlice(VideoCodec codec, std::uint8_t header) {
    if (codec == VideoCodec::h265) {
        return ((header >> 1) & 0x3f) < 32;
    }
    const int type = header & 0x1f;
    return type >= 1 && type <= 5;
}

// SEI payload type and size: 0xFF for every full 255, then the rest.
void putSeiNumber(std::vector<std::uint8_t>& rbsp, std::size_t value) {
    for (; value >= 255; value -= 255) {
        rbsp.push_back(0xff);
    }
    rbsp.push_back(static_cast<std::uint8_t>(value));
}

}  // namespace

std::vector<std::uint8_t> seiNal(VideoCodec codec, std::span<const SeiMessage> messages) {
    std::vector<std::uint8_t> rbsp;
    for (const auto& m : messages) {
        putSeiNumber(rbsp, kUserDataUnregistered);
        putSeiNumber(rbsp, m.uuid.size() + m.payload.size());
        rbsp.insert(rbsp.end(), m.uuid.begin(), m.uuid.end());
        rbsp.insert(rbsp.end(), m.payload.begin(), m.payload.end());
    }
    rbsp.push_back(0x80);  // rbsp_trailing_bits

    std::vector<std::uint8_t> nal{0, 0, 0, 1};
    const auto header = nalHeader(codec);
    nal.insert(nal.end(), header.begin(), header.end());
    int zeros = 0;
    for (std::uint8_t b : rbsp) {
        if (zeros >= 2 && b <= 3) {
            nal.push_back(3);  // emulation_prevention_three_byte
            zeros = 0;
        }
        nal.push_back(b);
        zeros = b == 0 ? zeros + 1 : 0;
    }
    return nal;
}

void insertBeforeFirstSlice(VideoCodec codec, std::span<const std::uint8_t> accessUnit,
                            std::span<const std::uint8_t> nal, std::vector<std::uint8_t>& out) {
    // The start (with its start code) of the first slice NAL unit.
    std::size_t at = accessUnit.size();
    for (std::size_t i = 0; i + 3 < accessUnit.size(); ++i) {
        if (accessUnit[i] != 0 || accessUnit[i + 1] != 0 || accessUnit[i + 2] != 1) {
            continue;
        }
        if (isSlice(codec, accessUnit[i + 3])) {
            at = i > 0 && accessUnit[i - 1] == 0 ? i - 1 : i;
            break;
        }
    }
    out.clear();
    out.insert(out.end(), accessUnit.begin(), accessUnit.begin() + static_cast<std::ptrdiff_t>(at));
    out.insert(out.end(), nal.begin(), nal.end());
    out.insert(out.end(), accessUnit.begin() + static_cast<std::ptrdiff_t>(at), accessUnit.end());
}

}  // namespace regie::av
