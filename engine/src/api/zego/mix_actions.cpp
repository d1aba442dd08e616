#include "api/zego/mix_actions.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "api/zego/mix_request.h"
#include "api/zego/transcode_request.h"
#include "service/mix/picture_load.h"

namespace regie::api::zego {

namespace json = boost::json;
namespace mix = service::mix;

namespace {

constexpr double kRatePerSecond = 100;
constexpr int kParameterError = 110200002;
constexpr int kImageFetchFailed = 110200142;

}  // namespace

ZegoResult mixFailureAnswer(const mix::MixFailure& f) {
    int code = 110200151;
    switch (f.error) {
        case mix::MixError::notOwner:
            code = 110200160;
            break;
        case mix::MixError::labelFont:
            code = 110200179;
            break;
        case mix::MixError::sequence:
            code = 110200103;
            break;
        case mix::MixError::inputMissing:
            code = 110200150;
            break;
        case mix::MixError::tooManyInputs:
            code = 110200158;
            break;
        case mix::MixError::outputBusy:
            code = 110200154;
            break;
        case mix::MixError::roomFailed:
            code = 110200197;
            break;
        case mix::MixError::noSuchTask:
            code = 110209001;
            break;
        case mix::MixError::failed:
            break;
    }
    return {code, f.message, std::nullopt};
}

ZegoResult mixStartedAnswer(const mix::MixTaskView& task) {
    return {0, "",
            json::value(json::object{{"UserId", task.userId},
                                     {"Sequence", task.sequence},
                                     {"RoomId", task.roomId},
                                     {"PlayInfo", playInfoJson(task)}})};
}

std::variant<StopFields, ZegoResult> readStopFields(const json::object& body) {
    StopFields stop;
    const auto* taskId = body.if_contains("TaskId");
    if (taskId == nullptr || !taskId->is_string() || taskId->get_string().empty()) {
        return ZegoResult{kParameterError, "TaskId is required", std::nullopt};
    }
    stop.taskId = std::string(taskId->get_string());
    if (const auto* s = body.if_contains("Sequence"); s != nullptr && !s->is_null()) {
        if (!s->is_int64()) {
            return ZegoResult{kParameterError, "Sequence must be an integer", std::nullopt};
        }
        stop.sequence = s->get_int64();
    }
    if (const auto* u = body.if_contains("UserId"); u != nullptr && !u->is_null()) {
        if (!u->is_string()) {
            return ZegoResult{kParameterError, "UserId must be a String", std::nullopt};
        }
        stop.userId = std::string(u->get_string());
    }
    return stop;
}

ActionSpec mixAction(std::string name, MethodStyle style,
                     std::function<ZegoResult(const ZegoRequest&)> answer) {
    ActionSpec spec;
    spec.name = std::move(name);
    spec.style = style;
    spec.family = Family::mix;
    spec.ratePerSecond = kRatePerSecond;
    spec.handler = [answer = std::move(answer)](const std::shared_ptr<const ZegoRequest>& request,
                                                const ZegoResponder& responder) {
        responder.reply(answer(*request));
    };
    return spec;
}

json::array playInfoJson(const mix::MixTaskView& task) {
    json::array playInfo;
    for (const auto& out : task.outputs) {
        playInfo.push_back(json::object{{"StreamId", out.streamId},
                                        {"RTMP", out.urls.rtmp},
                                        {"HLS", out.urls.hls},
                                        {"FLV", out.urls.flv},
                                        {"Status", 0},
                                        {"UserName", ""}});
    }
    return playInfo;
}

namespace {

// CheckImageMode 0 (the default): every picture must download before the start.
std::vector<mix::PictureSource> imagesToCheck(const mix::MixRequest& wanted) {
    if (wanted.imageCheck != mix::ImageCheck::download) {
        return {};
    }
    return wanted.layout.pictures();
}

ZegoResult startMix(const ZegoRequest& request, mix::MixService& service, mix::MixRequest wanted) {
    auto started = service.start(std::to_string(request.appId), std::move(wanted));
    if (auto* f = std::get_if<mix::MixFailure>(&started)) {
        return mixFailureAnswer(*f);
    }
    return mixStartedAnswer(std::get<mix::MixTaskView>(started));
}

ZegoResult startCloudTranscode(const ZegoRequest& request, mix::MixService& service) {
    auto settings = service.settings();
    auto parsed =
        parseStartCloudTranscode(request.body, {settings.maxFps, settings.sequenceRequired});
    if (auto* error = std::get_if<ZegoResult>(&parsed)) {
        return std::move(*error);
    }
    if (auto f = service.startTranscode(std::to_string(request.appId),
                                        std::get<mix::TranscodeRequest>(std::move(parsed)))) {
        return mixFailureAnswer(*f);
    }
    return {0, "", std::nullopt};
}

// StopMix, StopCloudTranscode (whose UserId is required).
ZegoResult stopTask(const ZegoRequest& request, mix::MixService& service, mix::TaskKind kind) {
    auto read = readStopFields(request.body);
    if (auto* error = std::get_if<ZegoResult>(&read)) {
        return std::move(*error);
    }
    const auto& stop = std::get<StopFields>(read);
    if (kind == mix::TaskKind::transcode && (!stop.userId || stop.userId->empty())) {
        return {kParameterError, "UserId is required", std::nullopt};
    }
    if (auto f = service.stop(kind, stop.taskId, stop.userId, stop.sequence)) {
        return mixFailureAnswer(*f);
    }
    return {0, "", std::nullopt};
}

ZegoResult mixTaskInfo(const ZegoRequest& request, const mix::MixService& service) {
    auto taskId = request.query.value("TaskId");
    if (!taskId || taskId->empty()) {
        return {kParameterError, "TaskId is required", std::nullopt};
    }
    auto info = service.info(std::string(*taskId));
    if (auto* f = std::get_if<mix::MixFailure>(&info)) {
        return mixFailureAnswer(*f);
    }
    const auto& task = std::get<mix::MixTaskView>(info);
    return {0, "",
            json::value(
                json::object{{"TaskInfo", json::object{{"TaskId", task.taskId},
                                                       {"MixDuration", task.duration.count()}}}})};
}

ActionSpec startMixAction(mix::MixService& service, const boost::asio::any_io_executor& blocking) {
    ActionSpec spec = mixAction("StartMix", MethodStyle::postJson, nullptr);
    spec.handler = [&service, blocking](const std::shared_ptr<const ZegoRequest>& request,
                                        const ZegoResponder& responder) {
        auto settings = service.settings();
        auto parsed = parseStartMix(request->body, {settings.maxFps, settings.sequenceRequired});
        if (auto* error = std::get_if<ZegoResult>(&parsed)) {
            responder.reply(std::move(*error));
            return;
        }
        auto wanted = std::get<mix::MixRequest>(std::move(parsed));
        auto images = imagesToCheck(wanted);
        if (images.empty()) {
            responder.reply(startMix(*request, service, std::move(wanted)));
            return;
        }
        boost::asio::post(
            blocking, [&service, request, responder, images = std::move(images),
                       wanted = std::move(wanted), presets = settings.presetImageDir]() mutable {
                for (const auto& image : images) {
                    if (auto fetched = mix::loadPicture(image, presets); !fetched) {
                        responder.reply({kImageFetchFailed, fetched.error().message, std::nullopt});
                        return;
                    }
                }
                responder.reply(startMix(*request, service, std::move(wanted)));
            });
    };
    return spec;
}

}  // namespace

std::optional<RegisterError> registerMixActions(ZegoDoor& door, mix::MixService& service,
                                                const boost::asio::any_io_executor& blocking) {
    std::vector<ActionSpec> specs;
    specs.push_back(startMixAction(service, blocking));
    specs.push_back(mixAction("StopMix", MethodStyle::postJson, [&service](const ZegoRequest& r) {
        return stopTask(r, service, mix::TaskKind::mix);
    }));
    specs.push_back(
        mixAction("StartCloudTranscode", MethodStyle::postJson,
                  [&service](const ZegoRequest& r) { return startCloudTranscode(r, service); }));
    specs.push_back(
        mixAction("StopCloudTranscode", MethodStyle::postJson, [&service](const ZegoRequest& r) {
            return stopTask(r, service, mix::TaskKind::transcode);
        }));
    specs.push_back(mixAction("GetMixTaskInfo", MethodStyle::get, [&service](const ZegoRequest& r) {
        return mixTaskInfo(r, service);
    }));
    for (auto& spec : specs) {
        if (auto error = door.registerAction(std::move(spec))) {
            return error;
        }
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
