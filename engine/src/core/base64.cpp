#include "core/base64.h"

#include <algorithm>
#include <array>

namespace regie::core {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c) {
    auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::optional<std::vector<unsigned char>> base64Decode(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::vector<unsigned char> out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        std::array<int, 4> v{};
        int padding = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && last && j >= 2) {
                ++padding;
                v[j] = 0;
                continue;
            }
            if (padding > 0 || (v[j] = base64Value(c)) < 0) {
                return std::nullopt;
            }
        }
        const unsigned triple = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out.push_back(static_cast<unsigned char>(triple >> 16));
        if (padding < 2) {
            out.push_back(static_cast<unsigned char>((triple >> 8) & 0xff));
        }
        if (padding < 1) {
            out.push_back(static_cast<unsigned char>(triple & 0xff));
        }
    }
    return out;
}

std::string base64Encode(std::span<const unsigned char> bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        unsigned triple = bytes[i] << 16;
        if (n > 1) {
            triple |= bytes[i + 1] << 8;
        }
        if (n > 2) {
            triple |= bytes[i + 2];
        }
        out += kAlphabet[(triple >> 18) & 63];
        out += kAlphabet[(triple >> 12) & 63];
        out += n > 1 ? kAlphabet[(triple >> 6) & 63] : '=';
        out += n > 2 ? kAlphabet[triple & 63] : '=';
    }
    return out;
}

}  // namespace regie::core
