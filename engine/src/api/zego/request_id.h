#pragma once
// RequestIds: decimal strings of a 63-bit counter that starts at a random point, so ids are
// unique per process and unlikely to repeat across restarts.

#include <atomic>
#include <cstdint>
#include <string>

namespace regie::api::zego {

class RequestIdGenerator {
public:
    RequestIdGenerator();
    explicit RequestIdGenerator(std::uint64_t start);

    std::string next();

private:
    std::atomic<std::uint64_t> m_next;
};

}  // namespace regie::api::zego
