#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "video_tag.h"

namespace regie::loadgen {

// Walks an FLV byte stream tag by tag, in pieces of any size, and notes the first video tag
// that carries a coded frame.
class FlvReader {
public:
    // False once the stream is malformed; error() then says why.
    bool feed(std::span<const std::uint8_t> data);

    std::optional<VideoTag> firstCodedFrame() const { return m_firstCoded; }
    const std::string& error() const { return m_error; }

private:
    enum class State { fileHeader, skip, tagHeader, tagBody };

    bool fail(std::string reason);
    std::size_t collect(std::span<const std::uint8_t> data, std::size_t size);
    bool onFileHeader();
    void onTagHeader();
    void onTagEnd();

    State m_state = State::fileHeader;
    std::array<std::uint8_t, 11> m_header{};
    std::size_t m_headerLen = 0;
    std::uint32_t m_skip = 0;
    std::uint32_t m_bodyLeft = 0;
    bool m_videoTag = false;
    std::array<std::uint8_t, kVideoTagHeadSize> m_videoHead{};
    std::size_t m_videoHeadLen = 0;
    std::optional<VideoTag> m_firstCoded;
    std::string m_error;
};

}  // namespace regie::loadgen
