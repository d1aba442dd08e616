#pragma once
// UTC instants as the CDN Actions write them: "YYYY-MM-DDThh:mm:ssZ".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::api::zego {

std::optional<std::int64_t> parseUtcTime(std::string_view text);  // Unix seconds
std::string formatUtcTime(std::int64_t unixSeconds);

}  // namespace regie::api::zego
