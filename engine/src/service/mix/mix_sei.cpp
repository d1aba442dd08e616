#include "service/mix/mix_sei.h"

#include <algorithm>
#include <cmath>

namespace regie::service::mix {

std::uint8_t soundLevel(const float* const* planes, int channels, int samples) {
    double energy = 0;
    for (int c = 0; c < channels; ++c) {
        for (int s = 0; s < samples; ++s) {
            energy += static_cast<double>(planes[c][s]) * planes[c][s];
        }
    }
    const int count = channels * samples;
    if (count <= 0 || energy <= 0) {
        return 0;
    }
    const double dbfs = 10 * std::log10(energy / count);
    return static_cast<std::uint8_t>(std::clamp(std::lround((dbfs + 60) * 100 / 60), 0L, 100L));
}

void MixSei::setUserData(std::vector<std::uint8_t> data, bool everyFrame) {
    m_userData = std::move(data);
    m_userDataEveryFrame = everyFrame;
    m_userDataChanged = true;
}

av::EncodedPacket MixSei::stamp(const av::EncodedPacket& packet,
                                std::span<const InputLevel> levels) {
    if (m_codec == av::VideoCodec::vp8) {
        return packet;
    }
    std::vector<av::SeiMessage> messages;
    if (!m_userData.empty() && (packet.keyframe || m_userDataChanged || m_userDataEveryFrame)) {
        messages.push_back({kUserDataUuid, m_userData});
    }
    m_userDataChanged = false;
    if (!levels.empty()) {
        // count, then per input its SoundLevelId (big-endian) and level.
        m_levels.assign(1, static_cast<std::uint8_t>(levels.size()));
        for (const auto& l : levels) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                m_levels.push_back(static_cast<std::uint8_t>(l.soundLevelId >> shift));
            }
            m_levels.push_back(l.level);
        }
        messages.push_back({kSoundLevelUuid, m_levels});
    }
    if (messages.empty()) {
        return packet;
    }
    av::insertBeforeFirstSlice(m_codec, packet.data, av::seiNal(m_codec, messages), m_packet);
    av::EncodedPacket stamped = packet;
    stamped.data = m_packet;
    return stamped;
}

}  // namespace regie::service::mix
