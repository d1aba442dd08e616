#pragma once
// Live instance counters of the engine's main object kinds, reported by getStatistic and the
// event feed. The 16 kinds are ZLMediaKit's fixed key set; each engine class that is one of
// them holds an ObjectCount member.

#include <array>
#include <atomic>
#include <cstdint>
#include <string_view>

namespace regie::core {

enum class ObjectKind : std::size_t {
    Buffer,
    BufferLikeString,
    BufferList,
    BufferRaw,
    Frame,
    FrameImp,
    MediaSource,
    MultiMediaSourceMuxer,
    RtmpPacket,
    RtpPacket,
    Socket,
    TcpClient,
    TcpServer,
    TcpSession,
    UdpServer,
    UdpSession,
    Count_
};

inline constexpr std::size_t kObjectKindCount = static_cast<std::size_t>(ObjectKind::Count_);

std::string_view objectKindName(ObjectKind kind);

// Process-wide counters: an instance count is a property of the process, not of a component.
class ObjectStats {
public:
    static void add(ObjectKind kind, std::int64_t delta) {
        s_counts[static_cast<std::size_t>(kind)].fetch_add(delta, std::memory_order_relaxed);
    }
    static std::int64_t count(ObjectKind kind) {
        return s_counts[static_cast<std::size_t>(kind)].load(std::memory_order_relaxed);
    }

private:
    static inline std::array<std::atomic<std::int64_t>, kObjectKindCount> s_counts{};
};

template <ObjectKind Kind>
class ObjectCount {
public:
    ObjectCount() { ObjectStats::add(Kind, 1); }
    ObjectCount(const ObjectCount&) { ObjectStats::add(Kind, 1); }
    ObjectCount& operator=(const ObjectCount&) = default;
    ~ObjectCount() { ObjectStats::add(Kind, -1); }
};

}  // namespace regie::core
