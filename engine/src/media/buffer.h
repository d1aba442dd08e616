#pragma once
// Immutable shared bytes and references into them. A frame's payload is stored once; every
// output format and every player refers to it instead of copying it.

#include <boost/asio/buffer.hpp>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace regie::media {

using Bytes = std::vector<std::uint8_t>;
using SharedBytes = std::shared_ptr<const Bytes>;

inline SharedBytes shareBytes(Bytes bytes) {
    return std::make_shared<const Bytes>(std::move(bytes));
}
inline SharedBytes shareBytes(std::span<const std::uint8_t> bytes) {
    return std::make_shared<const Bytes>(bytes.begin(), bytes.end());
}

// A slice of shared bytes that keeps them alive.
struct BufferRef {
    SharedBytes owner;
    std::size_t offset = 0;
    std::size_t length = 0;

    static BufferRef whole(SharedBytes bytes) {
        std::size_t n = bytes ? bytes->size() : 0;
        return {std::move(bytes), 0, n};
    }
    std::span<const std::uint8_t> span() const { return {owner->data() + offset, length}; }
    boost::asio::const_buffer asio() const { return {owner->data() + offset, length}; }
};

}  // namespace regie::media
