#include "api/zego/scalars.h"

#include <cctype>
#include <charconv>

namespace regie::api::zego {

namespace {

template <typename T>
std::optional<T> parseWhole(std::string_view text) {
    T value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

bool equalsIgnoreCase(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<std::uint32_t> parseUInt32(std::string_view text) {
    // from_chars would accept "-0" for an unsigned type on some libraries; be explicit.
    if (text.empty() || text.front() == '-') {
        return std::nullopt;
    }
    return parseWhole<std::uint32_t>(text);
}

std::optional<std::int64_t> parseInt64(std::string_view text) {
    return parseWhole<std::int64_t>(text);
}

std::optional<bool> parseBoolean(std::string_view text) {
    if (equalsIgnoreCase(text, "true")) {
        return true;
    }
    if (equalsIgnoreCase(text, "false")) {
        return false;
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
