#include "media/reader_policy.h"

namespace regie::media {

std::optional<ReaderPolicy::Action> ReaderPolicy::decideWithoutSkip(const OutPacket& packet,
                                                                    std::size_t queuedBytes) {
    if (queuedBytes > m_limits.disconnectAboveBytes) {
        return Action::disconnect;
    }
    bool startsGop = packet.keyframe && packet.video;
    if (m_waitingForKey) {
        if (!startsGop) {
            return Action::drop;
        }
        m_waitingForKey = false;
    }
    if (queuedBytes <= m_limits.skipAboveBytes) {
        return Action::send;
    }
    return std::nullopt;
}

ReaderPolicy::Action ReaderPolicy::skip(std::chrono::steady_clock::time_point now) {
    std::erase_if(m_recentSkips, [&](auto skip) { return now - skip > m_limits.window; });
    m_recentSkips.push_back(now);
    ++m_totalSkips;
    if (static_cast<int>(m_recentSkips.size()) > m_limits.maxSkipsPerWindow) {
        return Action::disconnect;
    }
    m_waitingForKey = true;
    return Action::drop;
}

}  // namespace regie::media
