#include "api/zego/automix_request.h"

#include <boost/json.hpp>

#include "api/zego/mix_body.h"
#include "api/zego/stream_id.h"

namespace regie::api::zego {

namespace json = boost::json;
using service::mix::AutoMixRequest;
using namespace mix_body;

namespace {

constexpr std::size_t kMaxAutoMixOutputs = 3;

// ModifyType 0: the element as an audio-only MixInput (StreamUrl wins over StreamId).
json::object additionOf(const json::object& extra) {
    json::object input{{"RectInfo", json::object{}}};
    for (const char* key : {"StreamId", "StreamUrl", "SoundLevelId", "Volume"}) {
        if (const auto* v = extra.if_contains(key)) {
            input[key] = *v;
        }
    }
    return input;
}

// An audio-only MixOutput; on this page StreamId wins over StreamUrl.
json::object outputOf(const json::object& given) {
    json::object output{{"Width", 1}, {"Height", 1}, {"Fps", 1}, {"VideoBitrate", 1}};
    for (const char* key :
         {"StreamId", "StreamUrl", "AudioCodec", "AudioBitrate", "SoundChannel"}) {
        if (const auto* v = given.if_contains(key)) {
            output[key] = *v;
        }
    }
    if (const auto* id = given.if_contains("StreamId");
        id != nullptr && id->is_string() && !id->get_string().empty()) {
        output.erase("StreamUrl");
    }
    return output;
}

AutoMixRequest parse(const json::object& body, const MixLimits& limits) {
    Fields top(body, "", kParameterError);
    AutoMixRequest request;
    request.mix.action = "StartAutoMix";
    request.mix.body = body;
    readIdentity(top, limits, true, request.mix);
    readTiming(top, request.mix);
    if (request.mix.layout.timing.waitForVideo) {
        refuse(kParameterError, "WaitVideoInput=1: an auto mix has no video to wait for");
    }
    readExPara(top, request.mix);
    const int channels = defaultChannels(top);

    std::set<std::string> sources;
    if (top.has("ExtraMixInput")) {
        const auto& extra = top.requiredArray("ExtraMixInput");
        for (std::size_t i = 0; i < extra.size(); ++i) {
            const std::string where = "ExtraMixInput[" + std::to_string(i) + "].";
            if (!extra[i].is_object()) {
                refuse(kInputFormat, where + " must be an Object");
            }
            Fields f(extra[i].get_object(), where, kInputFormat);
            if (f.integerIn("ModifyType", 0, 1, 0) == 1) {
                auto id = f.string("StreamId").value_or("");
                if (id.empty() || !isValidStreamId(id)) {
                    refuse(kInputFormat, f.name("StreamId") +
                                             " (digits, letters, '-' and '_') is required to "
                                             "exclude a stream");
                }
                request.exclusions.insert(id);
                continue;
            }
            auto spec =
                readInput(additionOf(extra[i].get_object()), where, service::mix::ImageCheck::none);
            if (!sources.insert(spec.sourceKey()).second) {
                refuse(kDuplicateInput, where + " repeats an input");
            }
            request.additions.push_back(std::move(spec));
        }
    }

    const auto& outputs = top.requiredArray("MixOutput");
    if (outputs.size() > kMaxAutoMixOutputs) {
        refuse(kTooManyOutputs, "MixOutput has more than 3 outputs");
    }
    json::array shaped;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        if (!outputs[i].is_object()) {
            refuse(kOutputFormat, "MixOutput[" + std::to_string(i) + "] must be an Object");
        }
        shaped.push_back(outputOf(outputs[i].get_object()));
    }
    readOutputs(shaped, sources, channels, limits, request.mix);
    readSei(top, request.mix);
    if (top.integerIn("ByPass", 0, 1, 0) == 1) {
        refuse(kParameterError, "ByPass=1 forwards a single input; an auto mix mixes a room");
    }
    return request;
}

}  // namespace

std::variant<AutoMixRequest, ZegoResult> parseStartAutoMix(const json::object& body,
                                                           const MixLimits& limits) {
    return answerOf<AutoMixRequest>([&] { return parse(body, limits); });
}

std::optional<service::mix::MixRequest> rereadAutoMixRequest(const json::object& body,
                                                             const MixLimits& limits,
                                                             service::mix::AutoMixer& autoMixer) {
    auto parsed = parseStartAutoMix(body, limits);
    if (auto* request = std::get_if<AutoMixRequest>(&parsed)) {
        return autoMixer.resumed(std::move(*request));
    }
    return std::nullopt;
}

}  // namespace regie::api::zego
