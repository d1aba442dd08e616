#include <boost/json.hpp>

#include "api/zego/room_action_support.h"
#include "api/zego/room_actions.h"

namespace regie::api::zego {

namespace {

namespace json = boost::json;
using namespace room_action;
using service::rooms::MessageRequest;
using service::rooms::RoomService;

constexpr int kContentEmpty = 1008;
constexpr int kMessageTooLong = 50012;
constexpr int kUserListTooLong = 50011;
constexpr int kUserOffline = 50003;
constexpr std::size_t kMaxTargets = 10;
constexpr Limits kMessageLimits{100, 10, 0};

// The content parameter: absent is an input error, empty is 1008 (Broadcast/Barrage) or 2.
Param<std::string> content(const QueryParams& q, int emptyCode) {
    auto value = q.value("MessageContent");
    if (!value) {
        return ZegoResult{kInputError, "missing MessageContent", std::nullopt};
    }
    if (value->empty()) {
        return ZegoResult{emptyCode, "MessageContent is empty", std::nullopt};
    }
    if (value->size() > RoomService::kMaxMessageBytes) {
        return ZegoResult{kMessageTooLong, "MessageContent longer than 1024 bytes", std::nullopt};
    }
    return std::string(*value);
}

// SendBroadcastMessage and SendBarrageMessage share their parameters.
std::variant<MessageRequest, ZegoResult> roomMessage(const QueryParams& q) {
    auto roomId = text(q, "RoomId", kMaxRoomIdBytes);
    auto userId = text(q, "UserId", kMaxUserIdBytes);
    auto userName = optionalText(q, "UserName", kMaxUserNameBytes);
    auto category = integer(q, "MessageCategory", 1, 2, std::nullopt);
    auto body = content(q, kContentEmpty);
    if (auto error = firstError(roomId, userId, userName, category, body)) {
        return *error;
    }
    MessageRequest request;
    request.roomId = std::get<std::string>(roomId);
    request.fromUserId = std::get<std::string>(userId);
    request.fromUserName = std::get<std::string>(userName);
    request.category = static_cast<int>(std::get<std::int64_t>(category));
    request.content = std::get<std::string>(body);
    return request;
}

ZegoResult sendBroadcast(RoomService& rooms, const ZegoRequest& r) {
    auto request = roomMessage(r.query);
    if (auto* error = std::get_if<ZegoResult>(&request)) {
        return *error;
    }
    auto sent = rooms.broadcast(std::get<MessageRequest>(request));
    if (auto* f = std::get_if<service::rooms::RoomFailure>(&sent)) {
        return refused(*f);
    }
    const auto& message = std::get<service::rooms::RoomMessage>(sent);
    return success(json::object{{"MessageId", message.number}});
}

ZegoResult sendBarrage(RoomService& rooms, const ZegoRequest& r) {
    auto request = roomMessage(r.query);
    if (auto* error = std::get_if<ZegoResult>(&request)) {
        return *error;
    }
    auto sent = rooms.barrage(std::get<MessageRequest>(request));
    if (auto* f = std::get_if<service::rooms::RoomFailure>(&sent)) {
        return refused(*f);
    }
    const auto& message = std::get<service::rooms::RoomMessage>(sent);
    return success(json::object{{"MessageId", message.textId}});
}

ZegoResult sendCustomCommand(RoomService& rooms, const ZegoRequest& r) {
    auto roomId = text(r.query, "RoomId", kMaxRoomIdBytes);
    auto fromUserId = text(r.query, "FromUserId", kMaxUserIdBytes);
    auto targets = list(r.query, "ToUserId", 0, kMaxTargets, kUserListTooLong);
    auto body = content(r.query, kInputError);
    if (auto error = firstError(roomId, fromUserId, targets, body)) {
        return *error;
    }
    MessageRequest request;
    request.roomId = std::get<std::string>(roomId);
    request.fromUserId = std::get<std::string>(fromUserId);
    request.content = std::get<std::string>(body);
    request.toUserIds = std::get<std::vector<std::string>>(targets);
    auto sent = rooms.customCommand(request);
    if (auto* f = std::get_if<service::rooms::RoomFailure>(&sent)) {
        return refused(*f);
    }
    json::array failUsers;
    for (const auto& uid : std::get<std::vector<std::string>>(sent)) {
        failUsers.push_back(json::object{{"Uid", uid}, {"Code", kUserOffline}});
    }
    return success(json::object{{"FailUsers", std::move(failUsers)}});
}

}  // namespace

std::optional<RegisterError> registerRoomMessageActions(ZegoDoor& door, RoomService& rooms) {
    return registerAll(door, rooms,
                       {{"SendBroadcastMessage", kMessageLimits, &sendBroadcast},
                        {"SendBarrageMessage", kMessageLimits, &sendBarrage},
                        {"SendCustomCommand", kMessageLimits, &sendCustomCommand}});
}

}  // namespace regie::api::zego
