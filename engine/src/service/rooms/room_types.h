#pragma once
// The vocabulary of rooms: users, streams, messages, and the reasons things end, numbered as
// callbacks.md numbers them.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "service/rooms/token04.h"

namespace regie::service::rooms {

enum class UserRole : int { anchor = 1, audience = 2, admin = 4 };

// room_logout `reason`.
enum class LogoutReason : int {
    normal = 0,
    heartbeatTimeout = 1,
    connectionLost = 2,
    kicked = 3,
    tokenExpired = 4
};

// room_close `close_reason`.
enum class RoomCloseReason : int { normal = 0, heartbeatTimeout = 1, dropped = 2, kicked = 3 };

// stream_close `type`.
enum class StreamCloseType : int {
    normal = 0,
    heartbeatTimeout = 1,
    relogin = 2,
    kicked = 3,
    connectionLost = 4,
    roomCleared = 5,
    deleted = 100
};

enum class MessageKind { broadcast, barrage, custom };

struct RoomUser {
    std::string userId;
    std::string userName;
    UserRole role = UserRole::audience;
    std::int64_t loginTimeMs = 0;
    std::string ip;
    std::uint64_t sessionId = 0;
};

struct RoomStream {
    std::string streamId;
    std::string userId;
    std::string userName;
    std::string title;
    std::string extraInfo;
    std::int64_t createTimeMs = 0;
    std::uint32_t numberId = 0;
};

struct RoomInfo {
    std::string roomId;
    std::uint64_t sessionId = 0;  // room_session_id: this lifetime of the room
    std::int64_t createdAtMs = 0;
    std::size_t userCount = 0;
    std::size_t adminCount = 0;
    std::size_t streamCount = 0;
    std::uint64_t userUpdateSeq = 0;
};

struct RoomMessage {
    MessageKind kind = MessageKind::broadcast;
    std::string roomId;
    std::uint64_t number = 0;  // broadcast id
    std::string textId;        // barrage id `<seq>_<unix ms>_<n>`
    int category = 2;
    std::string fromUserId;
    std::string fromUserName;
    std::string content;
    std::int64_t sendTimeMs = 0;
};

// The typed refusals of the room service; each API maps them to its own codes.
enum class RoomError {
    badInput,
    tooLong,
    token,          // see `token`
    loginBanned,    // a user ban rule (login)
    publishBanned,  // a user ban rule (publish)
    publishDenied,  // the token's publish privilege or stream list
    roomMissing,
    notLoggedIn,
    streamOwned,  // the stream id belongs to another user
    streamMissing,
    tooManyUsers,
};

struct RoomFailure {
    RoomError error = RoomError::badInput;
    std::string message;
    std::optional<TokenError> token;
};

template <typename T>
using RoomResult = std::variant<T, RoomFailure>;

// What a stream's room is, for callbacks about the stream's media.
struct StreamRoom {
    std::string roomId;
    std::uint64_t roomSessionId = 0;
    std::string userId;
    std::string userName;
    std::string title;
    std::string extraInfo;
    std::optional<StreamCloseType> closeType;  // set when the room service ended the stream
};

}  // namespace regie::service::rooms
