#pragma once
// The JSON shapes and numeric codes of the room protocol (docs/room-protocol.md).

#include <boost/json/object.hpp>
#include <string_view>

#include "service/rooms/room_types.h"

namespace regie::api::rooms {

// Reply codes: 0 ok; 1xxx request problems; 2xxx token; 3xxx rules and privileges; 4xxx rooms.
enum class WireCode : int {
    ok = 0,
    malformed = 1001,
    unknownType = 1002,
    badField = 1003,
    tooLong = 1004,
    notLoggedIn = 1005,
    alreadyLoggedIn = 1006,
    unsupportedProtocol = 1007,
    loginBanned = 3001,
    publishBanned = 3002,
    publishDenied = 3003,
    streamOwned = 4001,
    streamMissing = 4002,
    roomMissing = 4003,
    failed = 5000,
};

// 2001.. in the order of service::rooms::TokenError.
int tokenCode(service::rooms::TokenError error);
int failureCode(const service::rooms::RoomFailure& failure);

boost::json::object userJson(const service::rooms::RoomUser& user);
boost::json::object streamJson(const service::rooms::RoomStream& stream);
boost::json::object messageJson(const service::rooms::RoomMessage& message);
std::string_view messageKindName(service::rooms::MessageKind kind);

}  // namespace regie::api::rooms
