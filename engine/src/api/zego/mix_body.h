#pragma once
// What the StartMix and StartAutoMix bodies share: the mix codes, and the readers of the parts
// both Actions have (identity, top-level switches, MixInput and MixOutput elements), which live
// in mix_request.cpp. They read with body_fields.h and throw its Refusal.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "api/zego/body_fields.h"
#include "api/zego/envelope.h"
#include "api/zego/mix_request.h"
#include "service/mix/mix_layout.h"

namespace regie::api::zego::mix_body {

inline constexpr int kParameterError = 110200002;
inline constexpr int kInputFormat = 110200155;
inline constexpr int kOutputFormat = 110200156;
inline constexpr int kSameInOut = 110200140;
inline constexpr int kImageProtocol = 110200141;
inline constexpr int kTooManyInputs = 110200158;
inline constexpr int kSizeOutOfRange = 110200161;
inline constexpr int kWatermark = 110200170;
inline constexpr int kWatermarkEmpty = 110200171;
inline constexpr int kExPara = 110200172;
inline constexpr int kDuplicateInput = 110200175;
inline constexpr int kDuplicateOutput = 110200176;
inline constexpr int kTooManyOutputs = 110200178;
inline constexpr int kLabel = 110200179;
inline constexpr std::size_t kMaxInputs = 9;
inline constexpr std::size_t kMaxOutputs = 4;
inline constexpr std::int64_t kMaxSize = 3000;
inline constexpr std::size_t kMaxUserDataBytes = 4000;

using body::Fields;
using body::Refusal;
using body::refuse;

[[noreturn]] inline void unsupported(int code, const std::string& what) {
    refuse(code, what + " is not supported yet");
}

// Runs a reader; a refusal becomes the answer.
template <typename T, typename Read>
std::variant<T, ZegoResult> answerOf(Read&& read) {
    try {
        return read();
    } catch (const Refusal& refusal) {
        return ZegoResult{refusal.code, refusal.message, std::nullopt};
    }
}

// TaskId, UserId, RoomId (required when `roomRequired`) and Sequence.
void readIdentity(const Fields& top, const MixLimits& limits, bool roomRequired,
                  service::mix::MixRequest& request);
// AlignmentType, RecvBufferLevel and WaitVideoInput into request.layout.timing.
void readTiming(const Fields& top, service::mix::MixRequest& request);
// UserData and SoundLevel into request.layout, once its inputs and output are read.
void readSei(const Fields& top, service::mix::MixRequest& request);
// ByPass into request.layout, once everything else is read.
void readBypass(const Fields& top, service::mix::MixRequest& request);
// ExPara: sei_mode into request.layout, mixowner_userid into request.coOwners; returns the codec
// video_encode names ("h264" or "vp8"; H.264 without one) for the outputs without a VideoEncId.
// Other video_encode values and malformed entries are refused (110200172), unknown keys ignored.
av::VideoCodec readExPara(const Fields& top, service::mix::MixRequest& request);
// The top-level SoundChannel ("1" or "2"): what an output without one gets.
int defaultChannels(const Fields& top);
// `where` prefixes messages ("MixInput[1].").
service::mix::MixInputSpec readInput(const boost::json::value& value, const std::string& where,
                                     service::mix::ImageCheck check);
// The MixOutput elements into request.layout.output: duplicates, an output that is also one of
// `inputSources` (MixInputSpec::sourceKey), unsupported counts and more than two video codecs
// are refused. An output without VideoEncId is encoded with `codecWithoutEncId`.
void readOutputs(const boost::json::array& outputs, const std::set<std::string>& inputSources,
                 int defaultChannels, const MixLimits& limits, service::mix::MixRequest& request,
                 av::VideoCodec codecWithoutEncId = av::VideoCodec::h264);

}  // namespace regie::api::zego::mix_body
