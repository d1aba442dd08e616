#include "api/zego/transcode_request.h"

#include <set>

#include "api/zego/body_fields.h"
#include "api/zego/stream_id.h"

namespace regie::api::zego {

namespace json = boost::json;
using body::checkText;
using body::Fields;
using body::Refusal;
using body::refuse;
using service::mix::TranscodeCodec;
using service::mix::TranscodeOutputSpec;
using service::mix::TranscodeRequest;

namespace {

constexpr int kParameterError = 110200002;
constexpr int kSameInOut = 110200140;
constexpr int kSizeOutOfRange = 110200161;
constexpr int kDuplicateOutput = 110200176;
constexpr int kTooManyOutputs = 110200178;
constexpr std::size_t kMaxOutputs = 4;  // as StartMix
constexpr std::int64_t kMaxSize = 3000;
constexpr std::int64_t kMaxGopSeconds = 10;

std::string streamIdOf(const Fields& f, std::string_view field) {
    auto id = f.string(field).value_or("");
    if (!id.empty() && !isValidStreamId(id)) {
        refuse(kParameterError, f.name(field) + " accepts only digits, letters, '-' and '_'");
    }
    return id;
}

std::string rtmpUrlOf(const Fields& f) {
    auto url = f.string("StreamUrl").value_or("");
    if (!url.empty() && !std::string_view(url).starts_with("rtmp://")) {
        refuse(kParameterError, f.name("StreamUrl") + " must be an rtmp:// URL");
    }
    return url;
}

void readConfig(const Fields& f, TranscodeOutputSpec& spec, const MixLimits& limits) {
    spec.codec = static_cast<TranscodeCodec>(f.integerIn("VideoEncId", 0, 2, 0));
    spec.fps = static_cast<int>(f.integerIn("Fps", 0, limits.maxFps, 0));
    spec.gopSeconds = static_cast<int>(f.integerIn("GOP", 1, kMaxGopSeconds, 2));
    spec.shortEdge = f.integerIn("ShortEdgeAdaption", 0, 1, 0) == 1;
    for (auto side : {"Width", "Height"}) {
        auto v = f.integer(side).value_or(0);
        if (v < 0 || v > kMaxSize) {
            refuse(kSizeOutOfRange, f.name(side) + " must be between 0 and 3000");
        }
        if (v % 2 != 0) {
            refuse(kParameterError, f.name(side) + " must be even");
        }
    }
    spec.width = static_cast<int>(f.integer("Width").value_or(0));
    spec.height = static_cast<int>(f.integer("Height").value_or(0));
    const bool sameSize = spec.width == 0 && spec.height == 0;
    if (!sameSize && spec.shortEdge && spec.width == 0) {
        refuse(kParameterError, f.name("Width") + " is the short edge and must not be 0");
    }
    if (!sameSize && !spec.shortEdge && (spec.width == 0 || spec.height == 0)) {
        refuse(kParameterError, f.name("Width") + " and Height must both be set or both be 0");
    }
    spec.videoBitrate = f.integerIn("VideoBitrate", 0, INT32_MAX, 0);
    spec.lowBitrateHd = f.integerIn("LowBitrateHD", 0, 1, 0) == 1;
}

TranscodeOutputSpec output(const json::value& value, std::size_t index, const MixLimits& limits) {
    const std::string where = "TranscodeOutput[" + std::to_string(index) + "].";
    if (!value.is_object()) {
        refuse(kParameterError, where + " must be an Object");
    }
    Fields f(value.get_object(), where, kParameterError);
    TranscodeOutputSpec spec;
    spec.streamId = streamIdOf(f, "StreamId");
    spec.streamUrl = spec.streamId.empty() ? rtmpUrlOf(f) : "";  // this page: StreamId wins
    if (spec.streamId.empty() && spec.streamUrl.empty()) {
        refuse(kParameterError, where + "StreamId or StreamUrl is required");
    }
    if (!f.has("TemplateId")) {
        refuse(kParameterError, f.name("TemplateId") + " is required");
    }
    spec.templateId = static_cast<int>(f.integerIn("TemplateId", 0, 4, 0));
    const auto* config = f.object("TemplateConfig");
    if (spec.templateId < 4) {
        service::mix::applyTemplate(spec);
    } else if (config == nullptr) {
        refuse(kParameterError, f.name("TemplateConfig") + " is required with TemplateId 4");
    } else {
        readConfig(Fields(*config, where + "TemplateConfig.", kParameterError), spec, limits);
    }
    return spec;
}

TranscodeRequest parse(const json::object& object, const MixLimits& limits) {
    Fields top(object, "", kParameterError);
    TranscodeRequest request;
    request.body = object;
    request.taskId = top.requiredString("TaskId");
    checkText(top, "TaskId", request.taskId, kParameterError);
    request.userId = top.requiredString("UserId");
    checkText(top, "UserId", request.userId, kParameterError);
    request.sequence = top.integer("Sequence");
    if (!request.sequence && limits.sequenceRequired) {
        refuse(kParameterError, "Sequence is required");
    }
    const auto* inputObject = top.object("TranscodeInput");
    if (inputObject == nullptr) {
        refuse(kParameterError, "TranscodeInput is required");
    }
    Fields input(*inputObject, "TranscodeInput.", kParameterError);
    request.inputStreamUrl = rtmpUrlOf(input);  // this Object: StreamUrl wins
    request.inputStreamId = request.inputStreamUrl.empty() ? streamIdOf(input, "StreamId") : "";
    if (request.inputStreamUrl.empty() && request.inputStreamId.empty()) {
        refuse(kParameterError, "TranscodeInput needs StreamId or StreamUrl");
    }
    const auto& outputs = top.requiredArray("TranscodeOutput");
    if (outputs.empty()) {
        refuse(kParameterError, "TranscodeOutput needs at least one output");
    }
    if (outputs.size() > kMaxOutputs) {
        refuse(kTooManyOutputs, "TranscodeOutput has more than 4 outputs");
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        auto spec = output(outputs[i], i, limits);
        if (!seen.insert(spec.sinkKey()).second) {
            refuse(kDuplicateOutput,
                   "TranscodeOutput[" + std::to_string(i) + "] repeats an output");
        }
        if (!spec.streamId.empty() && spec.streamId == request.inputStreamId) {
            refuse(kSameInOut, "stream " + spec.streamId + " is both the input and an output");
        }
        request.outputs.push_back(std::move(spec));
    }
    for (const auto& spec : request.outputs) {
        if (spec.fps != request.outputs.front().fps) {
            refuse(kParameterError, "every TranscodeOutput must have the same Fps");
        }
    }
    return request;
}

}  // namespace

std::variant<TranscodeRequest, ZegoResult> parseStartCloudTranscode(const json::object& body,
                                                                    const MixLimits& limits) {
    try {
        return parse(body, limits);
    } catch (const Refusal& refusal) {
        return ZegoResult{refusal.code, refusal.message, std::nullopt};
    }
}

}  // namespace regie::api::zego
