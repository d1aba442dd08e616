#include "flv_reader.h"

#include <algorithm>
#include <cstring>

#include "byte_order.h"

namespace regie::loadgen {
namespace {

constexpr std::size_t kFileHeaderSize = 9;
constexpr std::size_t kTagHeaderSize = 11;
constexpr std::uint32_t kPreviousTagSize = 4;
constexpr std::uint8_t kTagVideo = 9;

}  // namespace

bool FlvReader::fail(std::string reason) {
    m_error = std::move(reason);
    return false;
}

std::size_t FlvReader::collect(std::span<const std::uint8_t> data, std::size_t size) {
    std::size_t n = std::min(size - m_headerLen, data.size());
    std::memcpy(m_header.data() + m_headerLen, data.data(), n);
    m_headerLen += n;
    return n;
}

bool FlvReader::feed(std::span<const std::uint8_t> data) {
    if (!m_error.empty()) {
        return false;
    }
    while (!data.empty() || (m_state == State::tagBody && m_bodyLeft == 0)) {
        std::size_t used = 0;
        switch (m_state) {
            case State::fileHeader:
                used = collect(data, kFileHeaderSize);
                if (m_headerLen == kFileHeaderSize && !onFileHeader()) {
                    return false;
                }
                break;
            case State::skip:
                used = std::min<std::size_t>(m_skip, data.size());
                m_skip -= static_cast<std::uint32_t>(used);
                if (m_skip == 0) {
                    m_state = State::tagHeader;
                    m_headerLen = 0;
                }
                break;
            case State::tagHeader:
                used = collect(data, kTagHeaderSize);
                if (m_headerLen == kTagHeaderSize) {
                    onTagHeader();
                }
                break;
            case State::tagBody:
                used = std::min<std::size_t>(m_bodyLeft, data.size());
                if (m_videoTag && m_videoHeadLen < m_videoHead.size()) {
                    std::size_t n = std::min(m_videoHead.size() - m_videoHeadLen, used);
                    std::memcpy(m_videoHead.data() + m_videoHeadLen, data.data(), n);
                    m_videoHeadLen += n;
                }
                m_bodyLeft -= static_cast<std::uint32_t>(used);
                if (m_bodyLeft == 0) {
                    onTagEnd();
                }
                break;
        }
        data = data.subspan(used);
    }
    return true;
}

bool FlvReader::onFileHeader() {
    if (std::memcmp(m_header.data(), "FLV", 3) != 0) {
        return fail("not an FLV stream");
    }
    std::uint32_t dataOffset = readBe32(m_header.data() + 5);
    if (dataOffset < kFileHeaderSize) {
        return fail("bad FLV header size");
    }
    m_skip = dataOffset - kFileHeaderSize + kPreviousTagSize;
    m_state = State::skip;
    return true;
}

void FlvReader::onTagHeader() {
    m_videoTag = (m_header[0] & 0x1f) == kTagVideo;
    m_videoHeadLen = 0;
    m_bodyLeft = readBe24(m_header.data() + 1);
    m_state = State::tagBody;
}

void FlvReader::onTagEnd() {
    if (m_videoTag && !m_firstCoded) {
        auto kind = classifyVideoTag({m_videoHead.data(), m_videoHeadLen});
        if (kind != VideoTag::other) {
            m_firstCoded = kind;
        }
    }
    m_skip = kPreviousTagSize;
    m_state = State::skip;
}

}  // namespace regie::loadgen
