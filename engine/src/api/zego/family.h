#pragma once
// ZEGO Actions come in families; each family has its own codes for the same situations.

#include <string_view>

namespace regie::api::zego {

enum class Family { room, mix, mediaService, mediaFile, censor };

struct FamilyTraits {
    int parameterErrorCode;
    int failureCode;
    int badIsTestCode;
    int appThrottleCode;
    int roomThrottleCode;
    std::string_view successMessage;
};

const FamilyTraits& familyTraits(Family family);

}  // namespace regie::api::zego
