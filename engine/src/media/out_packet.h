#pragma once
// One frame muxed into one output format, ready to be written to any number of players.

#include <cstdint>
#include <vector>

#include "media/buffer.h"

namespace regie::media {

struct OutPacket {
    std::vector<BufferRef> pieces;  // written in order with scatter/gather
    std::uint32_t dts = 0;
    bool keyframe = false;  // a player may start or resume here
    bool video = false;
    std::size_t size() const {
        std::size_t n = 0;
        for (const auto& p : pieces) {
            n += p.length;
        }
        return n;
    }
};

}  // namespace regie::media
