#pragma once
// Bounds-checked readers for codec headers: bits (MSB first, exp-Golomb) and big-endian bytes.
// Reads past the end never touch memory; they latch a failure the caller checks once.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace regie::media {

using ByteView = std::span<const std::uint8_t>;
using Bytes = std::vector<std::uint8_t>;

class BitReader {
public:
    explicit BitReader(ByteView data) : m_data(data) {}

    std::uint32_t bits(int count);  // count <= 32
    bool flag() { return bits(1) != 0; }
    void skip(std::size_t count);
    std::uint32_t ue();  // unsigned exp-Golomb
    std::int32_t se();   // signed exp-Golomb

    void fail() { m_failed = true; }  // for values out of range, so callers check once
    bool failed() const { return m_failed; }
    std::size_t bitsLeft() const { return m_failed ? 0 : m_data.size() * 8 - m_pos; }
    std::size_t bitPosition() const { return m_pos; }

private:
    ByteView m_data;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

class ByteReader {
public:
    explicit ByteReader(ByteView data) : m_data(data) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(be(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(be(2)); }
    std::uint32_t u24() { return static_cast<std::uint32_t>(be(3)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(be(4)); }
    std::uint64_t be(int count);
    ByteView take(std::size_t count);
    void skip(std::size_t count) { take(count); }

    bool failed() const { return m_failed; }
    std::size_t remaining() const { return m_failed ? 0 : m_data.size() - m_pos; }
    ByteView rest() const { return m_failed ? ByteView{} : m_data.subspan(m_pos); }

private:
    ByteView m_data;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

class BitWriter {
public:
    void bits(std::uint32_t value, int count);
    Bytes finish();  // pads the last byte with zero bits

private:
    Bytes m_out;
    int m_used = 0;  // bits used in the last byte, 0 = byte-aligned
};

void appendBe(Bytes& out, std::uint64_t value, int count);
// Strips emulation_prevention_three_byte (00 00 03 -> 00 00) from a NAL unit.
Bytes unescapeRbsp(ByteView nal);

}  // namespace regie::media
