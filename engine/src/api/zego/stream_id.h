#pragma once
// The media-service stream id rule (media-service.md): 1 to 256 characters, digits, ASCII
// letters, '-' and '_'; anything else is answered with 30009.

#include <string_view>

namespace regie::api::zego {

bool isValidStreamId(std::string_view id);

}  // namespace regie::api::zego
