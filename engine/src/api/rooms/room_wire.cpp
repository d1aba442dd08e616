#include "api/rooms/room_wire.h"

#include <boost/json.hpp>

namespace regie::api::rooms {

namespace json = boost::json;
using namespace service::rooms;

int tokenCode(TokenError error) {
    return 2001 + static_cast<int>(error);
}

int failureCode(const RoomFailure& failure) {
    switch (failure.error) {
        case RoomError::badInput:
            return static_cast<int>(WireCode::badField);
        case RoomError::tooLong:
            return static_cast<int>(WireCode::tooLong);
        case RoomError::token:
            return failure.token ? tokenCode(*failure.token) : tokenCode(TokenError::invalid);
        case RoomError::loginBanned:
            return static_cast<int>(WireCode::loginBanned);
        case RoomError::publishBanned:
            return static_cast<int>(WireCode::publishBanned);
        case RoomError::publishDenied:
            return static_cast<int>(WireCode::publishDenied);
        case RoomError::roomMissing:
            return static_cast<int>(WireCode::roomMissing);
        case RoomError::notLoggedIn:
            return static_cast<int>(WireCode::notLoggedIn);
        case RoomError::streamOwned:
            return static_cast<int>(WireCode::streamOwned);
        case RoomError::streamMissing:
            return static_cast<int>(WireCode::streamMissing);
        case RoomError::tooManyUsers:
            return static_cast<int>(WireCode::badField);
    }
    return static_cast<int>(WireCode::failed);
}

json::object userJson(const RoomUser& user) {
    return {{"userId", user.userId},
            {"userName", user.userName},
            {"role", static_cast<int>(user.role)},
            {"loginTime", user.loginTimeMs}};
}

json::object streamJson(const RoomStream& stream) {
    return {{"streamId", stream.streamId},   {"userId", stream.userId},
            {"userName", stream.userName},   {"title", stream.title},
            {"extraInfo", stream.extraInfo}, {"createTime", stream.createTimeMs},
            {"numberId", stream.numberId}};
}

std::string_view messageKindName(MessageKind kind) {
    switch (kind) {
        case MessageKind::broadcast:
            return "broadcast";
        case MessageKind::barrage:
            return "barrage";
        case MessageKind::custom:
            return "custom";
    }
    return "broadcast";
}

json::object messageJson(const RoomMessage& message) {
    json::object o{{"kind", messageKindName(message.kind)}, {"roomId", message.roomId},
                   {"category", message.category},          {"fromUserId", message.fromUserId},
                   {"fromUserName", message.fromUserName},  {"content", message.content},
                   {"sendTime", message.sendTimeMs}};
    if (message.kind == MessageKind::broadcast) {
        o["messageId"] = message.number;
    } else if (message.kind == MessageKind::barrage) {
        o["messageId"] = message.textId;
    }
    return o;
}

}  // namespace regie::api::rooms
