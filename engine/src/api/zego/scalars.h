#pragma once
// Scalar query values as ZEGO types them (calling.md §2.2): decimal integers without a '+'
// sign or blanks, Booleans `true`/`false` in any case.

#include <cstdint>
#include <optional>
#include <string_view>

namespace regie::api::zego {

std::optional<std::uint32_t> parseUInt32(std::string_view text);
std::optional<std::int64_t> parseInt64(std::string_view text);
std::optional<bool> parseBoolean(std::string_view text);

}  // namespace regie::api::zego
