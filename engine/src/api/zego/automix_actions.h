#pragma once
// StartAutoMix and StopAutoMix (mix.md) over the AutoMixer.

#include <optional>

#include "api/zego/zego_door.h"
#include "service/mix/auto_mixer.h"

namespace regie::api::zego {

std::optional<RegisterError> registerAutoMixActions(ZegoDoor& door,
                                                    service::mix::AutoMixer& autoMixer,
                                                    const service::mix::MixService& mix);

}  // namespace regie::api::zego
