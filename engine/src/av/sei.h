#pragma once
// SEI for the mix output: one SEI NAL unit of user_data_unregistered messages (payload type 5:
// a 16-byte UUID, then the bytes), with emulation prevention, put into an Annex B access unit
// before its first slice. H.264 has a one-byte NAL header (type 6); H.265 a two-byte one (prefix
// SEI, type 39).

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "av/encoders.h"

namespace regie::av {

using SeiUuid = std::array<std::uint8_t, 16>;

struct SeiMessage {
    SeiUuid uuid;
    std::span<const std::uint8_t> payload;
};

// The NAL unit, with its 4-byte start code.
std::vector<std::uint8_t> seiNal(VideoCodec codec, std::span<const SeiMessage> messages);

// `accessUnit` (Annex B) into `out`, with `nal` (start code included) before its first slice
// (after any AUD and parameter sets), or at its end when it has none.
void insertBeforeFirstSlice(VideoCodec codec, std::span<const std::uint8_t> accessUnit,
                            std::span<const std::uint8_t> nal, std::vector<std::uint8_t>& out);

}  // namespace regie::av
