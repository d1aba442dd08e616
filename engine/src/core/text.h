#pragma once
// Small string helpers shared across the engine.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::core {

std::string_view trim(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::string toLower(std::string_view s);

// Strict decimal parsing: the whole text must be a number in range.
std::optional<std::int64_t> parseInt64(std::string_view s);
std::optional<std::uint64_t> parseUint64(std::string_view s);

// ZLM-style lenient conversions (C++ stream extraction): leading digits count, trailing
// garbage is ignored, anything unparsable is 0.
std::int64_t lenientInt(std::string_view s);
double lenientDouble(std::string_view s);
bool lenientBool(std::string_view s);

// Percent-decoding. A '%' not followed by two hex digits is kept literally.
std::string percentDecode(std::string_view s, bool plusIsSpace);

}  // namespace regie::core
