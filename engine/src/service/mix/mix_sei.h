#pragma once
// The SEI a mix output's H.264 or H.265 video carries (mix.md "SEI"): the task's UserData on
// every keyframe and on the first frame after it changes (or on every frame: ExPara sei_mode 1),
// and with SoundLevel=1 the inputs' sound levels on every frame. Each is a
// user_data_unregistered message with a UUID of its own. VP8 has no SEI: its frames pass as
// they are.

#include <cstdint>
#include <span>
#include <vector>

#include "av/encoders.h"
#include "av/sei.h"

namespace regie::service::mix {

inline constexpr av::SeiUuid kUserDataUuid{'R', 'e', 'g', 'i', 'e', 'M', 'i', 'x',
                                           'U', 's', 'e', 'r', 'D', 'a', 't', 'a'};
inline constexpr av::SeiUuid kSoundLevelUuid{'R', 'e', 'g', 'i', 'e', 'S', 'o', 'u',
                                             'n', 'd', 'L', 'e', 'v', 'e', 'l', 's'};

struct InputLevel {
    std::uint32_t soundLevelId = 0;
    std::uint8_t level = 0;  // 0-100
};

// 0-100: the loudness of planar float samples, -60 dBFS (or less) to 0 dBFS (RMS).
std::uint8_t soundLevel(const float* const* planes, int channels, int samples);

class MixSei {
public:
    explicit MixSei(av::VideoCodec codec = av::VideoCodec::h264) : m_codec(codec) {}

    // `everyFrame`: on every frame, not only on keyframes and after a change.
    void setUserData(std::vector<std::uint8_t> data, bool everyFrame);
    // `packet` with this frame's SEI (its data then points into this object until the next
    // call), or `packet` itself when the frame carries none. `levels` is empty without
    // SoundLevel.
    av::EncodedPacket stamp(const av::EncodedPacket& packet, std::span<const InputLevel> levels);

private:
    av::VideoCodec m_codec;
    std::vector<std::uint8_t> m_userData;
    bool m_userDataEveryFrame = false;
    bool m_userDataChanged = false;
    std::vector<std::uint8_t> m_levels;
    std::vector<std::uint8_t> m_packet;
};

}  // namespace regie::service::mix
