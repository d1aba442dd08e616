#pragma once
// What the room Actions share: reading their parameters with the room family's codes, mapping
// the room service's refusals, and building a synchronous GET ActionSpec.

#include <initializer_list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "api/zego/zego_action.h"
#include "api/zego/zego_door.h"
#include "service/rooms/room_service.h"
#include "service/rooms/room_types.h"

namespace regie::api::zego::room_action {

inline constexpr int kInputError = 2;
inline constexpr int kInputTooLong = 3;
inline constexpr int kRoomMissing = 50001;

// A parameter's value, or the answer refusing the call.
template <typename T>
using Param = std::variant<T, ZegoResult>;

// Present and non-empty (code 2), at most `maxBytes` (code `tooLongCode`).
Param<std::string> text(const QueryParams& query, std::string_view name, std::size_t maxBytes,
                        int tooLongCode = kInputTooLong);
// Absent gives ""; longer than `maxBytes` is refused with `tooLongCode`.
Param<std::string> optionalText(const QueryParams& query, std::string_view name,
                                std::size_t maxBytes, int tooLongCode = kInputTooLong);
// `Name[]` values: between `min` and `max` non-empty ids; too many gives `tooManyCode`.
Param<std::vector<std::string>> list(const QueryParams& query, std::string_view name,
                                     std::size_t min, std::size_t max, int tooManyCode);
// An Int32 in [lo, hi]; absent gives `fallback`, anything else code 2.
Param<std::int64_t> integer(const QueryParams& query, std::string_view name, std::int64_t lo,
                            std::int64_t hi, std::optional<std::int64_t> fallback);

// The first refusal among already-read parameters, if any.
template <typename... P>
std::optional<ZegoResult> firstError(const P&... params) {
    std::optional<ZegoResult> error;
    ((error = error ? error
                    : (std::holds_alternative<ZegoResult>(params)
                           ? std::optional(std::get<ZegoResult>(params))
                           : std::nullopt)),
     ...);
    return error;
}

inline constexpr std::size_t kMaxRoomIdBytes = 128;
inline constexpr std::size_t kMaxUserIdBytes = 64;
inline constexpr std::size_t kMaxUserNameBytes = 256;
inline constexpr std::size_t kMaxReasonBytes = 256;

ZegoResult refused(const service::rooms::RoomFailure& failure);
ZegoResult success(std::optional<boost::json::value> data = std::nullopt);

struct Limits {
    double perApp = 0;
    double perAppTest = 0;
    double perRoom = 0;
};

using RoomHandler = ZegoResult (*)(service::rooms::RoomService&, const ZegoRequest&);
struct RoomAction {
    const char* name = nullptr;
    Limits limits;
    RoomHandler handler = nullptr;
};

// Registers room-family GET Actions answered at once by their handlers.
std::optional<RegisterError> registerAll(ZegoDoor& door, service::rooms::RoomService& rooms,
                                         std::initializer_list<RoomAction> actions);

}  // namespace regie::api::zego::room_action
