#include "api/zego/room_action_support.h"

#include "api/zego/scalars.h"

namespace regie::api::zego::room_action {

namespace {

ZegoResult inputError(std::string message) {
    return {kInputError, std::move(message), std::nullopt};
}

}  // namespace

Param<std::string> text(const QueryParams& query, std::string_view name, std::size_t maxBytes,
                        int tooLongCode) {
    auto value = query.value(name);
    if (!value || value->empty()) {
        return inputError("missing " + std::string(name));
    }
    if (value->size() > maxBytes) {
        return ZegoResult{tooLongCode,
                          std::string(name) + " longer than " + std::to_string(maxBytes) + " bytes",
                          std::nullopt};
    }
    return std::string(*value);
}

Param<std::string> optionalText(const QueryParams& query, std::string_view name,
                                std::size_t maxBytes, int tooLongCode) {
    if (!query.contains(name)) {
        return std::string();
    }
    return query.value(name)->empty() ? Param<std::string>(std::string())
                                      : text(query, name, maxBytes, tooLongCode);
}

Param<std::vector<std::string>> list(const QueryParams& query, std::string_view name,
                                     std::size_t min, std::size_t max, int tooManyCode) {
    std::vector<std::string> out;
    for (auto v : query.values(name)) {
        if (v.empty()) {
            return inputError("empty value in " + std::string(name) + "[]");
        }
        out.emplace_back(v);
    }
    if (out.size() < min) {
        return inputError("missing " + std::string(name) + "[]");
    }
    if (out.size() > max) {
        return ZegoResult{
            tooManyCode,
            "more than " + std::to_string(max) + " values in " + std::string(name) + "[]",
            std::nullopt};
    }
    return out;
}

Param<std::int64_t> integer(const QueryParams& query, std::string_view name, std::int64_t lo,
                            std::int64_t hi, std::optional<std::int64_t> fallback) {
    auto value = query.value(name);
    if (!value || value->empty()) {
        if (fallback) {
            return *fallback;
        }
        return inputError("missing " + std::string(name));
    }
    auto parsed = parseInt64(*value);
    if (!parsed || *parsed < lo || *parsed > hi) {
        return inputError(std::string(name) + " must be an integer from " + std::to_string(lo) +
                          " to " + std::to_string(hi));
    }
    return *parsed;
}

ZegoResult refused(const service::rooms::RoomFailure& failure) {
    using service::rooms::RoomError;
    int code = 1;
    switch (failure.error) {
        case RoomError::badInput:
            code = kInputError;
            break;
        case RoomError::tooLong:
            code = kInputTooLong;
            break;
        case RoomError::roomMissing:
            code = kRoomMissing;
            break;
        case RoomError::streamOwned:
            code = 1012;
            break;
        case RoomError::streamMissing:
            code = 138;
            break;
        case RoomError::notLoggedIn:
            code = 105;
            break;
        case RoomError::tooManyUsers:
            code = 50011;
            break;
        case RoomError::token:
        case RoomError::loginBanned:
        case RoomError::publishBanned:
        case RoomError::publishDenied:
            code = 1;
            break;
    }
    return {code, failure.message, std::nullopt};
}

ZegoResult success(std::optional<boost::json::value> data) {
    return {0, {}, std::move(data)};
}

std::optional<RegisterError> registerAll(ZegoDoor& door, service::rooms::RoomService& rooms,
                                         std::initializer_list<RoomAction> actions) {
    for (const RoomAction& action : actions) {
        ActionSpec s;
        s.name = action.name;
        s.style = MethodStyle::get;
        s.family = Family::room;
        s.ratePerSecond = action.limits.perApp;
        s.testRatePerSecond = action.limits.perAppTest;
        s.roomRatePerSecond = action.limits.perRoom;
        s.handler = [&rooms, handler = action.handler](
                        const std::shared_ptr<const ZegoRequest>& request,
                        const ZegoResponder& responder) {
            responder.reply(handler(rooms, *request));
        };
        if (auto error = door.registerAction(std::move(s))) {
            return error;
        }
    }
    return std::nullopt;
}

}  // namespace regie::api::zego::room_action
