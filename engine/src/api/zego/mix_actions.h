#pragma once
// The mix Actions (mix.md): StartMix, StopMix and GetMixTaskInfo over the MixService, and the
// mix-family Actions the engine does not implement yet, answered as such.

#include <optional>

#include "api/zego/zego_door.h"
#include "service/mix/mix_service.h"

namespace regie::api::zego {

std::optional<RegisterError> registerMixActions(ZegoDoor& door, service::mix::MixService& mix);

}  // namespace regie::api::zego
