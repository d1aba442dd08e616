#pragma once
// What a player does with a new packet given how much it has not written yet: a slow player is
// skipped forward to the next keyframe; one that keeps falling behind is disconnected.

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "media/out_packet.h"

namespace regie::media {

struct ReaderLimits {
    std::size_t skipAboveBytes = std::size_t{4} * 1024 * 1024;
    std::size_t disconnectAboveBytes = std::size_t{24} * 1024 * 1024;
    int maxSkipsPerWindow = 3;
    std::chrono::seconds window{30};
};

class ReaderPolicy {
public:
    enum class Action { send, drop, disconnect };

    explicit ReaderPolicy(ReaderLimits limits = {}) : m_limits(limits) {}

    // `now()` is called only for a reader that has fallen behind: one that keeps up costs no
    // clock read per packet.
    template <typename Now>
    Action decide(const OutPacket& packet, std::size_t queuedBytes, Now&& now) {
        if (auto action = decideWithoutSkip(packet, queuedBytes)) {
            return *action;
        }
        return skip(now());
    }
    Action decide(const OutPacket& packet, std::size_t queuedBytes) {
        return decide(packet, queuedBytes, &std::chrono::steady_clock::now);
    }
    int skips() const { return m_totalSkips; }

private:
    std::optional<Action> decideWithoutSkip(const OutPacket& packet, std::size_t queuedBytes);
    Action skip(std::chrono::steady_clock::time_point now);

    ReaderLimits m_limits;
    bool m_waitingForKey = false;
    // A vector, not a deque: empty, it allocates nothing, and every player has one.
    std::vector<std::chrono::steady_clock::time_point> m_recentSkips;
    int m_totalSkips = 0;
};

}  // namespace regie::media
