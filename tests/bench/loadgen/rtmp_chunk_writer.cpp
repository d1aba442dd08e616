#include "rtmp_chunk_writer.h"

#include <algorithm>

#include "byte_order.h"

namespace regie::loadgen {

void appendRtmpMessage(std::string& out, std::uint8_t chunkStreamId, std::uint8_t type,
                       std::uint32_t streamId, std::string_view payload, std::size_t chunkSize) {
    out.push_back(static_cast<char>(chunkStreamId));
    appendBe24(out, 0);
    appendBe24(out, static_cast<std::uint32_t>(payload.size()));
    out.push_back(static_cast<char>(type));
    appendLe32(out, streamId);
    while (true) {
        std::size_t n = std::min(chunkSize, payload.size());
        out.append(payload.substr(0, n));
        payload.remove_prefix(n);
        if (payload.empty()) {
            return;
        }
        out.push_back(static_cast<char>(0xc0 | chunkStreamId));
    }
}

}  // namespace regie::loadgen
