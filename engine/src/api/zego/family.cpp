#include "api/zego/family.h"

namespace regie::api::zego {

const FamilyTraits& familyTraits(Family family) {
    static constexpr FamilyTraits kRoom{2, 1, 2, 206, 207, "success"};
    static constexpr FamilyTraits kMix{110200002, 110200001, 110200002,
                                       110200194, 110200194, "success"};
    static constexpr FamilyTraits kMediaService{2, 1, 30004, 30002, 30002, "ok"};
    static constexpr FamilyTraits kMediaFile{2, 1000, 2, 6, 6, "success"};
    switch (family) {
        case Family::room:
        case Family::censor:
            return kRoom;
        case Family::mix:
            return kMix;
        case Family::mediaService:
            return kMediaService;
        case Family::mediaFile:
            return kMediaFile;
    }
    return kRoom;
}

}  // namespace regie::api::zego
