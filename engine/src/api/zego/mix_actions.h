#pragma once
// The mix Actions (mix.md): StartMix, StopMix, GetMixTaskInfo, StartCloudTranscode and
// StopCloudTranscode over the MixService; and the answers the auto mix Actions share with them.

#include <boost/asio/any_io_executor.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "api/zego/zego_door.h"
#include "service/mix/mix_service.h"

namespace regie::api::zego {

// StartMix's Data.PlayInfo: where players find each output of the task.
boost::json::array playInfoJson(const service::mix::MixTaskView& task);

// `blocking` runs the downloads StartMix checks placeholder pictures with.
std::optional<RegisterError> registerMixActions(ZegoDoor& door, service::mix::MixService& mix,
                                                const boost::asio::any_io_executor& blocking);

// A mix-family Action at the mix rate limit that answers at once.
ActionSpec mixAction(std::string name, MethodStyle style,
                     std::function<ZegoResult(const ZegoRequest&)> answer);
// A refused mix call, with its code.
ZegoResult mixFailureAnswer(const service::mix::MixFailure& failure);
// StartMix's Data: UserId, Sequence, RoomId, PlayInfo.
ZegoResult mixStartedAnswer(const service::mix::MixTaskView& task);

// What StopMix and StopAutoMix have in common.
struct StopFields {
    std::string taskId;
    std::optional<std::int64_t> sequence;
    std::optional<std::string> userId;
};
std::variant<StopFields, ZegoResult> readStopFields(const boost::json::object& body);

}  // namespace regie::api::zego
