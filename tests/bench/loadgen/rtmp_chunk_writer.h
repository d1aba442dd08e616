#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace regie::loadgen {

// Appends one message as chunks of at most `chunkSize` payload bytes, on a chunk stream id
// below 64.
void appendRtmpMessage(std::string& out, std::uint8_t chunkStreamId, std::uint8_t type,
                       std::uint32_t streamId, std::string_view payload, std::size_t chunkSize);

}  // namespace regie::loadgen
