#pragma once
// transcode_start / transcode_stop (callbacks.md): PascalCase keys, the task's input and
// outputs as requested.

#include <cstdint>
#include <string>

#include "service/hooks/zego_callbacks.h"
#include "service/mix/transcode.h"

namespace regie::service::mix {

void sendTranscodeStart(hooks::ZegoCallbacks& callbacks, const TranscodeRequest& request,
                        std::int64_t sequence, bool updated);
// `failed`: the task stopped itself (StopReason 1), not by StopCloudTranscode (0).
void sendTranscodeStop(hooks::ZegoCallbacks& callbacks, const std::string& taskId,
                       const std::string& userId, std::int64_t sequence, bool failed);

}  // namespace regie::service::mix
