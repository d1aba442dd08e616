#pragma once
// The Sequence rule of the media-service Actions (media-service.md, local choice): per
// (Action family, StreamId) the last Sequence is kept for 10 s; a request whose Sequence is not
// greater than it is superseded and must change nothing (answered with Code 0).

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace regie::api::zego {

class SequenceGate {
public:
    static constexpr std::chrono::seconds kWindow{10};

    explicit SequenceGate(const core::Clock& clock) : m_clock(clock) {}

    // True (and remembered) when `sequence` orders after the last one seen within the window.
    bool admit(std::string_view family, std::string_view streamId, std::int64_t sequence);

private:
    struct Last {
        std::int64_t sequence = 0;
        std::chrono::steady_clock::time_point at;
    };
    static constexpr std::size_t kPruneAbove = 4096;

    const core::Clock& m_clock;
    std::mutex m_mutex;
    std::map<std::string, Last, std::less<>> m_last;
};

}  // namespace regie::api::zego
