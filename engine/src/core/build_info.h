#pragma once
// Build identity, filled in at configure time.

#include <string_view>

namespace regie::core {

struct BuildInfo {
    std::string_view branchName;
    std::string_view commitHash;
    std::string_view buildTime;
    std::string_view version;
};

const BuildInfo& buildInfo();

}  // namespace regie::core
