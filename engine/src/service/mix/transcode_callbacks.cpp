#include "service/mix/transcode_callbacks.h"

#include <boost/json.hpp>

namespace regie::service::mix {

namespace json = boost::json;

void sendTranscodeStart(hooks::ZegoCallbacks& callbacks, const TranscodeRequest& request,
                        std::int64_t sequence, bool updated) {
    json::array outputs;
    for (const auto& out : request.outputs) {
        outputs.push_back(json::object{{"StreamId", out.streamId},
                                       {"StreamUrl", out.streamUrl},
                                       {"VideoEncId", static_cast<int>(out.codec)},
                                       {"VideoBitrate", out.videoBitrate},
                                       {"ShortEdgeAdaption", out.shortEdge ? 1 : 0},
                                       {"Fps", out.fps},
                                       {"Width", out.width},
                                       {"Height", out.height},
                                       {"GOP", out.gopSeconds}});
    }
    json::object f{
        {"TaskId", request.taskId},
        {"UserId", request.userId},
        {"Sequence", sequence},
        {"Status", updated ? "TranscodeUpdated" : "TranscodeStarted"},
        {"Details", json::object{{"Input", json::object{{"StreamId", request.inputStreamId},
                                                        {"StreamUrl", request.inputStreamUrl}}},
                                 {"Outputs", std::move(outputs)}}}};
    callbacks.send("transcode_start", std::move(f), nullptr, hooks::EnvelopeTyping::pascalCase);
}

void sendTranscodeStop(hooks::ZegoCallbacks& callbacks, const std::string& taskId,
                       const std::string& userId, std::int64_t sequence, bool failed) {
    json::object f{{"TaskId", taskId},
                   {"UserId", userId},
                   {"Sequence", sequence},
                   {"Status", "TranscodeStopped"},
                   {"StopReason", failed ? 1 : 0}};
    callbacks.send("transcode_stop", std::move(f), nullptr, hooks::EnvelopeTyping::pascalCase);
}

}  // namespace regie::service::mix
