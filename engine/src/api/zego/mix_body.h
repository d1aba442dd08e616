#pragma once
// What the StartMix and StartAutoMix bodies share: the mix codes, a typed reader of one JSON
// object whose errors are refusals carrying their ZEGO code, and the readers of the parts both
// Actions have (identity, top-level switches, MixInput and MixOutput elements), which live in
// mix_request.cpp.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

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

// Thrown inside the parsers only; answerOf turns it into the answer.
struct Refusal {
    int code;
    std::string message;
};

[[noreturn]] inline void refuse(int code, std::string message) {
    throw Refusal{code, std::move(message)};
}

[[noreturn]] inline void unsupported(int code, const std::string& what) {
    refuse(code, what + " is not supported yet");
}

inline bool isTextChar(char c) {
    static constexpr std::string_view kPunctuation = "~!@#$%^&*()_+=-`;',.<>/";
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           kPunctuation.find(c) != std::string_view::npos;
}

// Typed access to one JSON object; `where` prefixes messages ("MixInput[1].").
class Fields {
public:
    Fields(const boost::json::object& object, std::string where, int code)
        : m_object(object), m_where(std::move(where)), m_code(code) {}

    bool has(std::string_view name) const {
        const auto* v = m_object.if_contains(name);
        return v != nullptr && !v->is_null();
    }
    std::string name(std::string_view field) const { return m_where + std::string(field); }
    int code() const { return m_code; }

    std::optional<std::string> string(std::string_view field) const {
        if (!has(field)) {
            return std::nullopt;
        }
        const auto& v = m_object.at(field);
        if (!v.is_string()) {
            refuse(m_code, name(field) + " must be a String");
        }
        return std::string(v.get_string());
    }
    std::string requiredString(std::string_view field) const {
        auto s = string(field);
        if (!s || s->empty()) {
            refuse(m_code, name(field) + " is required");
        }
        return *s;
    }
    std::optional<std::int64_t> integer(std::string_view field) const {
        if (!has(field)) {
            return std::nullopt;
        }
        const auto& v = m_object.at(field);
        if (v.is_int64()) {
            return v.get_int64();
        }
        if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
            return static_cast<std::int64_t>(v.get_uint64());
        }
        refuse(m_code, name(field) + " must be an integer");
    }
    std::int64_t requiredInteger(std::string_view field) const {
        auto i = integer(field);
        if (!i) {
            refuse(m_code, name(field) + " is required");
        }
        return *i;
    }
    std::int64_t integerIn(std::string_view field, std::int64_t low, std::int64_t high,
                           std::int64_t fallback) const {
        auto i = integer(field).value_or(fallback);
        if (i < low || i > high) {
            refuse(m_code, name(field) + " must be between " + std::to_string(low) + " and " +
                               std::to_string(high));
        }
        return i;
    }
    const boost::json::object* object(std::string_view field) const {
        if (!has(field)) {
            return nullptr;
        }
        if (!m_object.at(field).is_object()) {
            refuse(m_code, name(field) + " must be an Object");
        }
        return &m_object.at(field).get_object();
    }
    const boost::json::array& requiredArray(std::string_view field) const {
        if (!has(field) || !m_object.at(field).is_array()) {
            refuse(m_code, name(field) + " is required and must be an Array");
        }
        return m_object.at(field).get_array();
    }

private:
    const boost::json::object& m_object;
    std::string m_where;
    int m_code;
};

inline void checkText(const Fields& f, std::string_view field, const std::string& value) {
    for (char c : value) {
        if (!isTextChar(c)) {
            refuse(kParameterError, f.name(field) + " has a character StartMix does not accept");
        }
    }
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
// AlignmentType, RecvBufferLevel, WaitVideoInput.
void checkTopLevelFeatures(const Fields& top);
// UserData and SoundLevel into request.layout, once its inputs and output are read.
void readSei(const Fields& top, service::mix::MixRequest& request);
// ByPass into request.layout, once everything else is read.
void readBypass(const Fields& top, service::mix::MixRequest& request);
void checkExPara(const Fields& top);
// The top-level SoundChannel ("1" or "2"): what an output without one gets.
int defaultChannels(const Fields& top);
// `where` prefixes messages ("MixInput[1].").
service::mix::MixInputSpec readInput(const boost::json::value& value, const std::string& where,
                                     service::mix::ImageCheck check);
// The MixOutput elements into request.layout.output: duplicates, an output that is also one of
// `inputSources` (MixInputSpec::sourceKey) and unsupported counts are refused.
void readOutputs(const boost::json::array& outputs, const std::set<std::string>& inputSources,
                 int defaultChannels, const MixLimits& limits, service::mix::MixRequest& request);

}  // namespace regie::api::zego::mix_body
