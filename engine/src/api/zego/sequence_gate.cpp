#include "api/zego/sequence_gate.h"

namespace regie::api::zego {

bool SequenceGate::admit(std::string_view family, std::string_view streamId,
                         std::int64_t sequence) {
    const auto now = m_clock.steadyNow();
    std::string key;
    key.reserve(family.size() + 1 + streamId.size());
    key.append(family).push_back('/');
    key.append(streamId);

    std::lock_guard lock(m_mutex);
    if (m_last.size() > kPruneAbove) {
        std::erase_if(m_last, [&](const auto& e) { return now - e.second.at >= kWindow; });
    }
    auto it = m_last.find(key);
    if (it != m_last.end() && now - it->second.at < kWindow && sequence <= it->second.sequence) {
        return false;
    }
    m_last[std::move(key)] = {sequence, now};
    return true;
}

}  // namespace regie::api::zego
