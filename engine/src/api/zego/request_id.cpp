#include "api/zego/request_id.h"

#include <random>

namespace regie::api::zego {

namespace {
constexpr std::uint64_t kMask63 = (std::uint64_t{1} << 63) - 1;

std::uint64_t randomStart() {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device();
}
}  // namespace

RequestIdGenerator::RequestIdGenerator() : RequestIdGenerator(randomStart()) {}

RequestIdGenerator::RequestIdGenerator(std::uint64_t start) : m_next(start) {}

std::string RequestIdGenerator::next() {
    return std::to_string(m_next.fetch_add(1, std::memory_order_relaxed) & kMask63);
}

}  // namespace regie::api::zego
