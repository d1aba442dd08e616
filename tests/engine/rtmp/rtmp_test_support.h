#pragma once
// Shared helpers for the RTMP wire tests.

#include <QString>
#include <cstdint>
#include <random>
#include <string>

#include "protocol/rtmp/bytes.h"

namespace rtmp_test {

inline QString q(const std::string& s) {
    return QString::fromStdString(s);
}

inline regie::rtmp::Bytes randomBytes(std::mt19937& rng, std::size_t n) {
    regie::rtmp::Bytes out(n);
    for (auto& b : out) {
        b = static_cast<std::uint8_t>(rng());
    }
    return out;
}

}  // namespace rtmp_test
