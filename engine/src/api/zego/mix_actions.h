#pragma once
// The mix Actions (mix.md): StartMix, StopMix and GetMixTaskInfo over the MixService, and the
// mix-family Actions the engine does not implement yet, answered as such.

#include <boost/asio/any_io_executor.hpp>
#include <boost/json/array.hpp>
#include <optional>

#include "api/zego/zego_door.h"
#include "service/mix/mix_service.h"

namespace regie::api::zego {

// StartMix's Data.PlayInfo: where players find each output of the task.
boost::json::array playInfoJson(const service::mix::MixTaskView& task);

// `blocking` runs the downloads StartMix checks placeholder pictures with.
std::optional<RegisterError> registerMixActions(ZegoDoor& door, service::mix::MixService& mix,
                                                boost::asio::any_io_executor blocking);

}  // namespace regie::api::zego
