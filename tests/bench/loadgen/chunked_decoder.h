#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace regie::loadgen {

// Removes HTTP/1.1 chunked transfer coding from a body that arrives in pieces of any size.
class ChunkedDecoder {
public:
    // Appends the payload parts of `data` to `out` (views into `data`); false when malformed.
    bool decode(std::span<const std::uint8_t> data,
                std::vector<std::span<const std::uint8_t>>& out);

    bool finished() const { return m_state == State::done; }

private:
    enum class State { sizeLine, payload, payloadEnd, done };

    bool onSizeLine();

    State m_state = State::sizeLine;
    std::string m_line;
    std::uint64_t m_left = 0;
};

}  // namespace regie::loadgen
