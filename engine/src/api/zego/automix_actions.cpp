#include "api/zego/automix_actions.h"

#include <boost/json.hpp>

#include "api/zego/automix_request.h"
#include "api/zego/mix_actions.h"

namespace regie::api::zego {

namespace mix = service::mix;

namespace {

constexpr int kParameterError = 110200002;

ZegoResult startAutoMix(const ZegoRequest& request, mix::AutoMixer& autoMixer,
                        const mix::MixService& service) {
    const auto settings = service.settings();
    auto parsed = parseStartAutoMix(request.body, {settings.maxFps, settings.sequenceRequired});
    if (auto* error = std::get_if<ZegoResult>(&parsed)) {
        return std::move(*error);
    }
    auto started =
        autoMixer.start(std::to_string(request.appId),
                        std::get<mix::AutoMixRequest>(std::move(parsed)), settings.autoMixAnyRoom);
    if (auto* f = std::get_if<mix::MixFailure>(&started)) {
        return mixFailureAnswer(*f);
    }
    return mixStartedAnswer(std::get<mix::MixTaskView>(started));
}

ZegoResult stopAutoMix(const ZegoRequest& request, mix::AutoMixer& autoMixer) {
    auto read = readStopFields(request.body);
    if (auto* error = std::get_if<ZegoResult>(&read)) {
        return std::move(*error);
    }
    const auto& stop = std::get<StopFields>(read);
    const auto* roomId = request.body.if_contains("RoomId");
    if (roomId == nullptr || !roomId->is_string() || roomId->get_string().empty()) {
        return {kParameterError, "RoomId is required", std::nullopt};
    }
    if (auto f = autoMixer.stop(stop.taskId, std::string(roomId->get_string()), stop.userId,
                                stop.sequence)) {
        return mixFailureAnswer(*f);
    }
    return {0, "", std::nullopt};
}

}  // namespace

std::optional<RegisterError> registerAutoMixActions(ZegoDoor& door, mix::AutoMixer& autoMixer,
                                                    const mix::MixService& service) {
    for (auto spec :
         {mixAction("StartAutoMix", MethodStyle::postJson,
                    [&autoMixer, &service](const ZegoRequest& r) {
                        return startAutoMix(r, autoMixer, service);
                    }),
          mixAction("StopAutoMix", MethodStyle::postJson,
                    [&autoMixer](const ZegoRequest& r) { return stopAutoMix(r, autoMixer); })}) {
        if (auto error = door.registerAction(std::move(spec))) {
            return error;
        }
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
