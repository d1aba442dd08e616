#include "media/codec/bit_reader.h"

namespace regie::media {

std::uint32_t BitReader::bits(int count) {
    if (m_failed || count < 0 || count > 32 ||
        static_cast<std::size_t>(count) > m_data.size() * 8 - m_pos) {
        m_failed = true;
        return 0;
    }
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i, ++m_pos) {
        value = (value << 1) | ((m_data[m_pos / 8] >> (7 - m_pos % 8)) & 1u);
    }
    return value;
}

void BitReader::skip(std::size_t count) {
    if (m_failed || count > m_data.size() * 8 - m_pos) {
        m_failed = true;
        return;
    }
    m_pos += count;
}

std::uint32_t BitReader::ue() {
    int zeros = 0;
    while (!m_failed && bits(1) == 0) {
        // Values beyond 32 bits do not occur in valid streams.
        if (++zeros > 31) {
            m_failed = true;
        }
    }
    if (m_failed) {
        return 0;
    }
    return static_cast<std::uint32_t>((std::uint64_t{1} << zeros) - 1 + bits(zeros));
}

std::int32_t BitReader::se() {
    std::uint32_t k = ue();
    auto magnitude = static_cast<std::int32_t>((k + 1) / 2);
    return (k & 1u) ? magnitude : -magnitude;
}

std::uint64_t ByteReader::be(int count) {
    ByteView bytes = take(static_cast<std::size_t>(count));
    std::uint64_t value = 0;
    for (std::uint8_t b : bytes) {
        value = (value << 8) | b;
    }
    return value;
}

ByteView ByteReader::take(std::size_t count) {
    if (m_failed || count > m_data.size() - m_pos) {
        m_failed = true;
        return {};
    }
    ByteView out = m_data.subspan(m_pos, count);
    m_pos += count;
    return out;
}

void BitWriter::bits(std::uint32_t value, int count) {
    for (int i = count - 1; i >= 0; --i) {
        if (m_used == 0) {
            m_out.push_back(0);
        }
        m_out.back() |= static_cast<std::uint8_t>(((value >> i) & 1u) << (7 - m_used));
        m_used = (m_used + 1) % 8;
    }
}

Bytes BitWriter::finish() {
    m_used = 0;
    return std::move(m_out);
}

void appendBe(Bytes& out, std::uint64_t value, int count) {
    for (int i = count - 1; i >= 0; --i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

Bytes unescapeRbsp(ByteView nal) {
    Bytes out;
    out.reserve(nal.size());
    int zeros = 0;
    for (std::uint8_t b : nal) {
        if (zeros >= 2 && b == 3) {
            zeros = 0;
            continue;
        }
        zeros = b == 0 ? zeros + 1 : 0;
        out.push_back(b);
    }
    return out;
}

}  // namespace regie::media
