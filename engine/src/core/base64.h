#pragma once
// Standard Base64 (RFC 4648 alphabet, '=' padding).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace regie::core {

// Strict: length a multiple of 4, no stray characters; none for anything else (and for "").
std::optional<std::vector<unsigned char>> base64Decode(std::string_view text);
std::string base64Encode(std::span<const unsigned char> bytes);

}  // namespace regie::core
