#include "chunked_decoder.h"

#include <algorithm>
#include <charconv>

namespace regie::loadgen {
namespace {

constexpr std::size_t kMaxSizeLine = 256;

}  // namespace

bool ChunkedDecoder::decode(std::span<const std::uint8_t> data,
                            std::vector<std::span<const std::uint8_t>>& out) {
    while (!data.empty() && m_state != State::done) {
        std::size_t used = 0;
        switch (m_state) {
            case State::sizeLine: {
                auto newline = std::find(data.begin(), data.end(), '\n');
                used = static_cast<std::size_t>(newline - data.begin());
                m_line.append(reinterpret_cast<const char*>(data.data()), used);
                if (m_line.size() > kMaxSizeLine) {
                    return false;
                }
                if (newline != data.end()) {
                    ++used;
                    if (!onSizeLine()) {
                        return false;
                    }
                }
                break;
            }
            case State::payload:
                used = static_cast<std::size_t>(std::min<std::uint64_t>(m_left, data.size()));
                out.push_back(data.first(used));
                m_left -= used;
                if (m_left == 0) {
                    m_state = State::payloadEnd;
                }
                break;
            case State::payloadEnd:
                // The CRLF after a chunk's payload: consumed up to and including its LF.
                used = 1;
                if (data[0] == '\n') {
                    m_state = State::sizeLine;
                } else if (data[0] != '\r') {
                    return false;
                }
                break;
            case State::done:
                break;
        }
        data = data.subspan(used);
    }
    return true;
}

bool ChunkedDecoder::onSizeLine() {
    auto end = m_line.find_first_of(";\r");
    std::string_view digits(m_line.data(), end == std::string::npos ? m_line.size() : end);
    std::uint64_t size = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size, 16);
    if (ec != std::errc{} || ptr != digits.data() + digits.size() || digits.empty()) {
        return false;
    }
    m_line.clear();
    m_left = size;
    m_state = size == 0 ? State::done : State::payload;
    return true;
}

}  // namespace regie::loadgen
