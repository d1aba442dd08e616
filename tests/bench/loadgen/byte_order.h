#pragma once

#include <cstdint>
#include <string>

namespace regie::loadgen {

inline std::uint32_t readBe16(const std::uint8_t* p) {
    return (p[0] << 8) | p[1];
}
inline std::uint32_t readBe24(const std::uint8_t* p) {
    return (p[0] << 16) | (p[1] << 8) | p[2];
}
inline std::uint32_t readBe32(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | readBe24(p + 1);
}
inline std::uint32_t readLe32(const std::uint8_t* p) {
    return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t{p[3]} << 24);
}

inline void appendBe16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v >> 8));
    out.push_back(static_cast<char>(v));
}
inline void appendBe24(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v >> 16));
    appendBe16(out, v);
}
inline void appendBe32(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v >> 24));
    appendBe24(out, v);
}
inline void appendLe32(std::string& out, std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) {
        out.push_back(static_cast<char>(v >> shift));
    }
}

}  // namespace regie::loadgen
